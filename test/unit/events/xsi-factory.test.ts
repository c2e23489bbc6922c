import { describe, expect, it } from 'vitest';
import { openLine } from '../../../main/app/open-line.js';
import { XSI_RECHECK_MS, xsiSourceFactory } from '../../../main/events/xsi/index.js';
import type { Line } from '../../../main/providers/line.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

describe('the XSI source factory the orchestrator calls', () => {
  it('makes no source for a line without XSI access, nor for a token granted scopes without spark:xsi', async () => {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const demo = await openLine({ env: {}, clock, log });
    try {
      const noXsi: Line = { ...demo };
      delete noXsi.xsi;
      expect(xsiSourceFactory({ line: () => noXsi, clock, log })()).toBeUndefined();
      const unscoped: Line = { ...demo, xsi: { ...demo.xsi!, grantedScopes: () => ['spark:calls_read', 'spark:calls_write'] } };
      expect(xsiSourceFactory({ line: () => unscoped, clock, log })()).toBeUndefined();
    } finally {
      await demo.close();
    }
  });

  it('on the demo line (XSI off unless switched on) makes a source whose start says XSI is not on, then leaves that line alone for a while', async () => {
    const clock = new FakeClock();
    const log = new MemoryLogger();
    const demo = await openLine({ env: {}, clock, log });
    try {
      const factory = xsiSourceFactory({ line: () => demo, clock, log });
      const source = factory();
      expect(source?.kind).toBe('xsi');
      await expect(source!.start()).rejects.toMatchObject({ code: 'not-found' });
      await source!.stop();
      // The orchestrator's next tries cost no requests until the recheck is due.
      expect(factory()).toBeUndefined();
      clock.advance(XSI_RECHECK_MS);
      const again = factory();
      expect(again?.kind).toBe('xsi');
      await again!.stop();
    } finally {
      await demo.close();
    }
  });
});
