// What the playground remembers across restarts: who has been here and who is in which
// channel. Without it every restart met everyone anew, so each first line as them "joined"
// the channel again and was welcomed again, and a lookup of a teammate found nobody. Kept
// beside the data it belongs to (a JSON file, owner-only), read once at start, written on change.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { WorldSnapshot } from './shell-world.ts';

const SnapshotSchema = z.object({
  people: z
    .array(z.object({ userId: z.string().min(1).max(40), displayName: z.string().min(1).max(40) }))
    .max(5000),
  channels: z
    .array(
      z.object({
        channelId: z.string().min(1).max(60),
        members: z.array(z.string().min(1).max(40)).max(5000),
      }),
    )
    .max(500),
});

/** The remembered world, or undefined when there is none yet or it cannot be read (then: a fresh start). */
export function loadWorldSnapshot(path: string): WorldSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = SnapshotSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the file in one step, so a crash mid-write leaves the last whole snapshot. */
export function saveWorldSnapshot(path: string, snapshot: WorldSnapshot): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
