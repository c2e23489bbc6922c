/** A history timestamp, short for today and with the day otherwise. */
export function formatWhen(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = new Date(now);
  const sameDay = date.toDateString() === today.toDateString();
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  if (sameDay) return date.toLocaleTimeString([], time);
  const yesterday = new Date(now - 86_400_000);
  if (date.toDateString() === yesterday.toDateString()) return `Yesterday ${date.toLocaleTimeString([], time)}`;
  return date.toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', ...time });
}
