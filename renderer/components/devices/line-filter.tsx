import { useAppStore } from '../../store/store-context';

/** "Line": all my lines in one list, or only one of them. Shown only when there is more than one. */
export function LineFilter() {
  const lines = useAppStore((s) => s.devices.info?.lines);
  const filter = useAppStore((s) => s.devices.lineFilter);
  const setFilter = useAppStore((s) => s.devices.setLineFilter);
  if (!lines || lines.length < 2) return null;
  return (
    <div className="line-filter">
      <label htmlFor="line-filter">Line</label>
      <select id="line-filter" className="field-input" value={filter} onChange={(event) => setFilter(event.target.value)}>
        <option value="all">All lines</option>
        {lines.map((line) => (
          <option key={line.id} value={line.id}>
            {line.name}
          </option>
        ))}
      </select>
    </div>
  );
}
