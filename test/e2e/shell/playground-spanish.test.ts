// Spanish in the playground (issue 24), in-process with the whole app: the terminal's LANG is
// the platform's word for its people, `/as name --lang` sets one person's, and `/peer language`
// (the member's own choice) comes before both.
import { afterEach, describe, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { terminal } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

const WAIT = { timeoutMs: 20_000 };

describe('shell playground in Spanish', () => {
  let app: RunningApp | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('follows LANG: crisis lines, the flag form and its confirmation in Spanish', async () => {
    const term = terminal();
    app = await startTestApp(
      { LANG: 'es_MX.UTF-8' },
      { mode: 'shell', stdio: { input: term.input, output: term.output } },
    );
    term.type('/peer setup name:Faro region:US', '/peer find crisis');
    await term.waitFor('Líneas de crisis para US', WAIT);
    await term.waitFor('988 Lifeline en español', WAIT);
    let mark = term.mark();
    term.type('/peer flag');
    await term.waitFor('¿Qué tan fuerte es?', { ...WAIT, from: mark });
    term.type('3');
    await term.waitFor('¿Qué te ayudaría?', { ...WAIT, from: mark });
    term.type('2');
    await term.waitFor('Algo que quieras que sepa', { ...WAIT, from: mark });
    mark = term.mark();
    term.type('');
    await term.waitFor('Gracias por decirlo', { ...WAIT, from: mark });
    await term.waitFor('Si necesitas a alguien ahora mismo', { ...WAIT, from: mark });
  });

  it('uses the team’s language for the channel, and for members whose platform says none', {
    timeout: 120_000,
  }, async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup name:Faro region:US language:es');
    await term.waitFor('ahora están en español', WAIT);
    const mark = term.mark();
    term.type('/as sam', '/as alex', '/peer checkin now');
    await term.waitFor('Support circle está abierto', { timeoutMs: 60_000, from: mark });
    // Sam's prompt: sam chose no language and the playground's LANG says none, so the team's.
    await term.waitFor('[DM to sam] PeerBridge:', { timeoutMs: 60_000, from: mark });
    await term.waitFor('Recuérdamelo en una hora', { timeoutMs: 60_000, from: mark });
  });

  it('takes /as --lang as the platform’s word, and /peer language before it', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup name:Faro region:US', '/as ana --lang es-MX', '/peer find crisis');
    await term.waitFor('Líneas de crisis para US', WAIT);
    let mark = term.mark();
    term.type('/peer language en');
    await term.waitFor('From now on I will write to you in English', { ...WAIT, from: mark });
    mark = term.mark();
    term.type('/peer find crisis');
    await term.waitFor('Crisis lines for US', { ...WAIT, from: mark });
    mark = term.mark();
    term.type('/peer language auto');
    await term.waitFor('Seguiré el idioma de tu plataforma', { ...WAIT, from: mark });
  });
});
