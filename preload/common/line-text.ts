/**
 * Words about the user's own line that the window header and the tray tooltip both show, written
 * once so they never disagree. Zod-free: main, preload and renderer all import it.
 */

/** "2 new voicemails", "1 new voicemail (urgent)"; undefined when nothing is waiting. */
export function voicemailWaitingText(waiting: { newMessages: number; newUrgentMessages: number } | null | undefined): string | undefined {
  if (!waiting || waiting.newMessages <= 0) return undefined;
  const count = `${waiting.newMessages} new voicemail${waiting.newMessages === 1 ? '' : 's'}`;
  if (waiting.newUrgentMessages <= 0) return count;
  return waiting.newUrgentMessages === waiting.newMessages ? `${count} (urgent)` : `${count} (${waiting.newUrgentMessages} urgent)`;
}

/** "Ext. 4142 · +1 415 555 0142"; the number as the caller formats it. Undefined when neither is known. */
export function myLineText(me: { extension?: string | undefined } | null | undefined, formattedNumber: string | undefined): string | undefined {
  const parts = [me?.extension ? `Ext. ${me.extension}` : '', formattedNumber ?? ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
