import { useState } from 'react';
import type { ErrorValue, SipCall, TrunkCall } from '../../../preload/contract';
import { formatDuration, secondsSince } from '../../../preload/common/duration';
import { formatNumber } from '../../../preload/common/party-text';
import { useNow } from '../../hooks/use-now';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { VIDEOSDK_KEYS } from '../../store/videosdk-commands';
import { ErrorBlock } from '../shared/error-block';

/** SIP calls, newest first, as VideoSDK lists them; refreshed by main while this is shown. */
export function SipCallList() {
  const snapshot = useAppStore((s) => s.videosdk.snapshot);
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  if (!snapshot) return null;
  const { calls, loaded, problem } = snapshot;
  const trunkCalls = snapshot.trunkCalls ?? [];
  const quiet = problem && (problem.code === 'network' || problem.code === 'timeout' || problem.code === 'rate-limited');
  return (
    <div className="subsection">
      <h3 className="subsection-title">SIP calls</h3>
      {problem &&
        (quiet ? (
          <p role="status" className="hint">
            Couldn&apos;t refresh the SIP calls: {problem.message} CallDeck keeps trying.
          </p>
        ) : (
          <ErrorBlock failure={{ title: "Couldn't load the SIP calls", error: problem }} className="inline-error" />
        ))}
      {!loaded && !problem && trunkCalls.length === 0 ? (
        <p className="empty">Loading SIP calls…</p>
      ) : calls.length === 0 && trunkCalls.length === 0 ? (
        loaded && <p className="empty">No SIP calls yet.</p>
      ) : (
        <ul className="sip-call-list" aria-label="SIP calls">
          {trunkCalls.map((call) => (
            <TrunkCallRow key={call.participantId} call={call} country={country} />
          ))}
          {calls.map((call) => (
            <SipCallRow key={call.id} call={call} country={country} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SipCallRow({ call, country }: { call: SipCall; country: string | undefined }) {
  const commands = useCommands('videosdk');
  const ending = useAppStore((s) => s.ui.pending[VIDEOSDK_KEYS.end(call.id)] === true);
  const [failure, setFailure] = useState<ErrorValue | null>(null);
  const destination = formatNumber(call.to, country);

  async function end() {
    if (ending) return;
    setFailure(null);
    const result = await commands.end(call.id);
    if (result && !result.ok) setFailure(result.error);
  }

  return (
    <li className={`sip-call ${call.live ? 'sip-call-live' : 'sip-call-done'}`} aria-label={`SIP call to ${destination}`}>
      <div className="sip-call-head">
        <span className="sip-call-to">{destination}</span>
        <span className="sip-call-status">{call.statusText}</span>
        {call.startedAt && <Duration call={call} />}
      </div>
      <p className="sip-call-room">Room {call.roomId}</p>
      {call.live && (
        <button type="button" className="btn btn-danger btn-small" aria-busy={ending} aria-disabled={ending} onClick={() => void end()}>
          End SIP call
        </button>
      )}
      {failure && <ErrorBlock failure={{ title: "Couldn't end the SIP call", error: failure }} className="inline-error" />}
    </li>
  );
}

/** A trunk call VideoSDK's list does not show: what is known of it, and why it has no End button. */
function TrunkCallRow({ call, country }: { call: TrunkCall; country: string | undefined }) {
  const destination = formatNumber(call.to, country);
  return (
    <li className="sip-call sip-call-trunk" aria-label={`SIP call to ${destination}`}>
      <div className="sip-call-head">
        <span className="sip-call-to">{destination}</span>
        <span className="sip-call-status">Placed through the trunk</span>
      </div>
      <p className="sip-call-room">Room {call.roomId}</p>
      <p className="sip-call-room">
        Participant ID <span className="selectable">{call.participantId}</span>
      </p>
      <p className="hint">VideoSDK&apos;s call list does not show this call, so it cannot be ended from here. End it in the room.</p>
    </li>
  );
}

function Duration({ call }: { call: SipCall }) {
  const live = call.live;
  return live ? <LiveDuration startedAt={call.startedAt!} /> : <FixedDuration call={call} />;
}

function LiveDuration({ startedAt }: { startedAt: string }) {
  const now = useNow();
  return (
    <span className="sip-call-duration" aria-label="Duration">
      {formatDuration(secondsSince(startedAt, now))}
    </span>
  );
}

function FixedDuration({ call }: { call: SipCall }) {
  const end = call.endedAt ? Date.parse(call.endedAt) : NaN;
  if (!call.startedAt || Number.isNaN(end)) return null;
  return (
    <span className="sip-call-duration" aria-label="Duration">
      {formatDuration(secondsSince(call.startedAt, end))}
    </span>
  );
}
