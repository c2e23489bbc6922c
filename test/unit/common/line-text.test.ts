import { describe, expect, it } from 'vitest';
import { myLineText, voicemailWaitingText } from '../../../preload/common/line-text.js';

describe('line text (window header and tray tooltip)', () => {
  it('counts new voicemails, says which are urgent, and says nothing when none are new or none are known', () => {
    expect(voicemailWaitingText({ newMessages: 2, newUrgentMessages: 0 })).toBe('2 new voicemails');
    expect(voicemailWaitingText({ newMessages: 1, newUrgentMessages: 0 })).toBe('1 new voicemail');
    expect(voicemailWaitingText({ newMessages: 3, newUrgentMessages: 1 })).toBe('3 new voicemails (1 urgent)');
    expect(voicemailWaitingText({ newMessages: 2, newUrgentMessages: 2 })).toBe('2 new voicemails (urgent)');
    expect(voicemailWaitingText({ newMessages: 0, newUrgentMessages: 0 })).toBeUndefined();
    expect(voicemailWaitingText(null)).toBeUndefined();
  });

  it('names my line by extension and number, either alone, or not at all', () => {
    expect(myLineText({ extension: '4142' }, '+1 415 555 0142')).toBe('Ext. 4142 · +1 415 555 0142');
    expect(myLineText({ extension: '4142' }, undefined)).toBe('Ext. 4142');
    expect(myLineText({}, '+1 415 555 0142')).toBe('+1 415 555 0142');
    expect(myLineText(null, undefined)).toBeUndefined();
  });
});
