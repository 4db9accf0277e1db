import { describe, expect, it } from 'vitest';
import { buildHelpView, type MayUse } from '../../src/chat/index.ts';
import { sampleTable, viewText } from './sample-table.ts';

const table = sampleTable();
// What the access policy would allow each person (the sample table's verbs: `help` for everyone,
// `checkin.trend` for supervisors, `team.roles` for admins).
const noRoles: MayUse = (command) => command.verb === 'help';
const asAdmin: MayUse = (command) => command.verb !== 'checkin.trend';
const asSupervisor: MayUse = (command) => command.verb !== 'team.roles';

describe('help', () => {
  it('lists everyone commands for a member, one line each, without admin or supervisor ones', () => {
    const said = viewText(buildHelpView(table, noRoles));
    expect(said).toContain('`/peer setup`: Set your time zone and region');
    expect(said).toContain(
      '`/peer flag`: Privately let your supervisor know a session was hard (in a direct message with me)',
    );
    expect(said).toContain('`/peer topic add`: Add an agenda topic');
    expect(said).not.toContain('admin outbox');
    expect(said).not.toContain('roster');
    expect(said).not.toContain('`/peer help`:');
  });

  it('lists admin commands only for admins', () => {
    const said = viewText(buildHelpView(table, asAdmin));
    expect(said).toContain('For team admins');
    expect(said).toContain('`/peer admin outbox`');
    expect(said).not.toContain('roster');
  });

  it('lists supervisor commands for supervisors', () => {
    const said = viewText(buildHelpView(table, asSupervisor));
    expect(said).toContain('`/peer roster`');
    expect(said).not.toContain('admin outbox');
  });

  it('lists lead commands an admin may run under a heading that names admins too', () => {
    const asLeadAdmin: MayUse = () => true;
    const said = viewText(buildHelpView(table, asLeadAdmin));
    expect(said).toContain('For team leads (supervisors and admins)');
    expect(said).toContain('`/peer roster`');
    expect(said).not.toMatch(/For supervisors\b/);
  });

  it('is warm and says everything is optional', () => {
    const said = viewText(buildHelpView(table, noRoles));
    expect(said).toContain('Everything here is optional');
    expect(said).toContain('You can skip or snooze anything I send.');
  });

  it('explains one command with its options', () => {
    const said = viewText(buildHelpView(table, noRoles, 'setup'));
    expect(said).toContain('Tells me your time zone');
    expect(said).toContain('`timezone`: Your time zone, like Europe/Berlin. Needed.');
    expect(said).toContain('`region`: Where you are. Optional. One of: US, UK, CA, DE.');
  });

  it('suggests a command for a mistyped topic', () => {
    expect(viewText(buildHelpView(table, noRoles, 'setpu'))).toContain('Did you mean `/peer help setup`?');
  });
});
