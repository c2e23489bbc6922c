import type { DevicesInfo } from '../../preload/contract';
import type { SliceCreator } from './types';

export interface DevicesSlice {
  info: DevicesInfo | null;
  /** The "Line" filter of the calls list: "all" or a line id. */
  lineFilter: string;
  apply(info: DevicesInfo): void;
  setLineFilter(lineId: string): void;
}

/** My devices, lines and queues, as main reports them. */
export const createDevicesSlice: SliceCreator<'devices'> = (set) => ({
  info: null,
  lineFilter: 'all',
  apply(info) {
    set((s) => ({
      devices: {
        ...s.devices,
        info,
        // A line that went away cannot stay the filter, or the list would look empty for no reason.
        lineFilter: s.devices.lineFilter === 'all' || info.lines.some((l) => l.id === s.devices.lineFilter) ? s.devices.lineFilter : 'all',
      },
    }));
  },
  setLineFilter(lineFilter) {
    set((s) => ({ devices: { ...s.devices, lineFilter } }));
  },
});
