import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MeetingParticipant } from '../../../preload/contract';
import { ADMIT_ALL_KEY, meetingKey } from '../../store/meetings-commands';
import { useAppStore, useStoreApi } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

const STATE_WORDS: Record<MeetingParticipant['state'], string> = {
  lobby: 'In the lobby',
  joined: 'Joined',
  breakoutSession: 'In a breakout session',
};

export function ParticipantsList() {
  const [participants, leftCount, stale, admittingAll] = useAppStore(
    useShallow(
      (s) =>
        [
          s.meetings.snapshot?.participants ?? [],
          s.meetings.snapshot?.leftCount ?? 0,
          s.meetings.snapshot?.sync.state === 'error',
          s.ui.pending[ADMIT_ALL_KEY] === true,
        ] as const,
    ),
  );
  const commands = useCommands('meetings');
  const waiting = participants.filter((p) => p.state === 'lobby').length;
  return (
    <>
      <h4 className="meetings-subtitle" id="participants-heading">
        Participants <span className="count">({participants.length})</span>
      </h4>
      {!stale && participants.length > 0 && (
        <div className="roster-tools">
          {waiting > 0 && (
            <button
              type="button"
              className="btn"
              aria-disabled={admittingAll}
              aria-busy={admittingAll}
              aria-describedby="lobby-count"
              onClick={() => !admittingAll && void commands.admitAll()}
            >
              Admit all
            </button>
          )}
          {waiting > 0 && (
            <span id="lobby-count" className="hint">
              {waiting === 1 ? '1 person in the lobby' : `${waiting} people in the lobby`}
            </span>
          )}
          {/* Seed 004: Webex may answer success without the change reaching Webex Meetings app users. */}
          <p className="hint">People on the Webex Meetings app may not be muted, admitted or expelled even when Webex says it worked; the list is read again after each change.</p>
        </div>
      )}
      <ul className="participants" aria-label="Participants">
        {participants.map((p) => (
          <ParticipantItem key={p.id} participant={p} stale={stale} />
        ))}
      </ul>
      {stale && participants.length > 0 && <p className="hint">Mute, Admit and Expel return when the participants refresh again.</p>}
      {participants.length === 0 && <p className="hint">Nobody is in the meeting right now.</p>}
      {leftCount > 0 && <p className="hint">{leftCount === 1 ? '1 person has left.' : `${leftCount} people have left.`}</p>}
    </>
  );
}

/**
 * Memoised: the store keeps unchanged participants as the same object (keep-unchanged.ts).
 * While the roster failed to refresh (`stale`) it offers no controls, as the calls list offers none
 * offline: whoever is listed may have left or been admitted already.
 */
const ParticipantItem = memo(function ParticipantItem({ participant: p, stale }: { participant: MeetingParticipant; stale: boolean }) {
  const store = useStoreApi();
  const commands = useCommands('meetings');
  const [muting, admitting] = useAppStore(
    useShallow((s) => [s.ui.pending[meetingKey(p.id, 'mute')] === true, s.ui.pending[meetingKey(p.id, 'admit')] === true] as const),
  );
  const role = p.host ? 'Host' : p.coHost ? 'Cohost' : undefined;
  return (
    <li className={`participant participant-${p.state}`} aria-label={p.displayName}>
      <div className="participant-who">
        <span className="participant-name">{p.displayName}</span>
        {p.email && <span className="participant-email">{p.email}</span>}
      </div>
      <div className="participant-facts">
        {p.you && <span className="tag">You</span>}
        {role && <span className="tag">{role}</span>}
        <span className="tag">{STATE_WORDS[p.state]}</span>
        <span className="tag">{p.muted ? 'Muted' : 'Unmuted'}</span>
        {p.video !== 'unknown' && <span className="tag">{p.video === 'on' ? 'Video on' : 'Video off'}</span>}
      </div>
      {!stale && (
        <div className="participant-actions">
          {p.state === 'lobby' && (
            <button type="button" className="btn" aria-disabled={admitting} aria-busy={admitting} onClick={() => !admitting && void commands.admit(p)}>
              Admit
            </button>
          )}
          <button
            type="button"
            className="btn"
            aria-disabled={muting}
            aria-busy={muting}
            onClick={() => !muting && void (p.muted ? commands.unmute(p) : commands.mute(p))}
          >
            {p.muted ? 'Unmute' : 'Mute'}
          </button>
          {!p.you && (
            <button
              type="button"
              className="btn"
              aria-haspopup="dialog"
              onClick={() => store.getState().ui.openDialog({ kind: 'expel', participantId: p.id })}
            >
              Expel
            </button>
          )}
        </div>
      )}
    </li>
  );
});
