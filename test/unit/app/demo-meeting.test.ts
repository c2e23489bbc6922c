import { describe, expect, it } from 'vitest';
import { openLine } from '../../../main/app/open-line.js';
import { DEMO_MEETING_NUMBER } from '../../../main/sandbox/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

describe('demo mode', () => {
  it('has one running meeting a newcomer can open by number, with a host, a lobby and someone who left', async () => {
    const line = await openLine({ env: {}, clock: new FakeClock(), log: new MemoryLogger() });
    try {
      expect(line.mode).toBe('demo');
      expect(line.meetings?.missingScopes().scopes).toEqual([]);
      expect(line.meetings?.demoMeetingNumber).toBe(DEMO_MEETING_NUMBER);
      const meeting = await line.meetings?.client.findByNumber(DEMO_MEETING_NUMBER);
      expect(meeting?.title).toBe('Weekly team sync');
      const roster = (await line.meetings?.client.listParticipants(meeting?.id ?? '')) ?? [];
      expect(roster.some((p) => p.host)).toBe(true);
      expect(roster.map((p) => p.state)).toEqual(expect.arrayContaining(['joined', 'lobby', 'end']));
    } finally {
      await line.close();
    }
  });
});
