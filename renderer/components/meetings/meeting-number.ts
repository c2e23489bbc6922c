/** Webex shows meeting numbers in groups: 2634 555 1234. */
export function formatMeetingNumber(digits: string): string {
  if (!/^\d{10,11}$/.test(digits)) return digits;
  return digits.length === 11
    ? `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`
    : `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
