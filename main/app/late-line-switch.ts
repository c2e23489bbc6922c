import type { LineSwitch } from '../auth/index.js';
import type { CallsFeature } from '../calls/index.js';
import { AppError } from '../core/app-error.js';
import type { Line } from '../providers/line.js';

/**
 * A line switch handed out before the calls feature exists and wired to it once it does. Using it
 * before `bind` is a programming error, reported as such rather than as a TypeError on undefined.
 */
export function lateLineSwitch(openDefault: () => Promise<Line>): LineSwitch & { bind(calls: Pick<CallsFeature, 'useLine'>): void } {
  let target: Pick<CallsFeature, 'useLine'> | undefined;
  const calls = () => {
    if (!target) throw new AppError('internal', 'The line was switched before the calls feature started.');
    return target;
  };
  return {
    use: (line) => calls().useLine(line),
    useDefault: async () => calls().useLine(await openDefault()),
    bind(next) {
      target = next;
    },
  };
}
