// scripts/param-graph.mjs moves every string index of Prisma's parameterization graph up by
// 1,024 behind as many empty strings (less heap for the runtime's decoded graph). Here on a
// small graph in the generated layout: each index names the same string afterwards, the rest
// of the bytes are untouched, a second run changes nothing, and an unknown layout is left as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spreadParamGraph } from '../../scripts/param-graph.mjs';

const strings = ['where', 'id', 'Platform', 'findMany'];
// 1 input node, 1 output node, 1 root. Input edge: key 0, mask 0x0102, child node 0 (+1),
// enum name 2 (+1), flags 5; output edge: key 1, args node 0 (+1), no output node; root: name 3,
// args 0 (+1), output 0 (+1). Optional numbers are stored plus one.
const graph = Buffer.from([1, 1, 1, 1, 0, 0x02, 0x01, 1, 3, 5, 1, 1, 1, 0, 3, 1, 1]);
const source = (list: readonly string[], bytes: Buffer) =>
  `config.parameterizationSchema = {\n  strings: JSON.parse(${JSON.stringify(JSON.stringify(list))}),\n  graph: "${bytes.toString('base64url')}"\n}\n`;

function parse(text: string): { strings: string[]; graph: Buffer } {
  const list = /strings: JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(text)?.[1];
  const bytes = /graph: "([^"]*)"/.exec(text)?.[1];
  return { strings: JSON.parse(JSON.parse(list ?? '""')), graph: Buffer.from(bytes ?? '', 'base64url') };
}

describe('spreading the parameterization graph', () => {
  it('moves every string index up by 1,024 and keeps what each names', () => {
    const result = spreadParamGraph(source(strings, graph));
    const spread = parse(result.source ?? '');
    expect(spread.strings).toHaveLength(1024 + strings.length);
    expect(spread.strings.slice(1024)).toEqual(strings);
    // 1024 + n as a varint: [128 + n, 8]; enum name (1024 + 2) + 1 = 1027: [131, 8].
    expect([...spread.graph]).toEqual([
      1, 1, 1, 1, 128, 8, 0x02, 0x01, 1, 131, 8, 5, 1, 129, 8, 1, 0, 131, 8, 1, 1,
    ]);
    expect(spreadParamGraph(result.source ?? '').source).toBe(result.source);
  });

  it('leaves a graph it cannot read exactly as it was', () => {
    const result = spreadParamGraph(source(strings, Buffer.concat([graph, Buffer.from([7])])));
    expect(result.source).toBeUndefined();
    expect(result.warning).toMatch(/expected layout/);
  });

  it('has been applied to the generated client', () => {
    const generated = readFileSync(
      join(import.meta.dirname, '../../src/db/generated/internal/class.ts'),
      'utf8',
    );
    expect(
      parse(generated)
        .strings.slice(0, 1024)
        .every((s) => s === ''),
    ).toBe(true);
  });
});
