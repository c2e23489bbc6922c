import { useEffect, useId, useState, type FormEvent } from 'react';
import { isWebhookUrl, WEBHOOK_PORT_PROBLEM, WEBHOOK_URL_PROBLEM } from '../../../preload/common/live-updates';
import { useCommands } from '../../store/use-commands';
import { useAppStore } from '../../store/store-context';
import { TextField } from '../shared/text-input';
import { useLiveText } from './use-live-text';
import './live-updates.css';

function portProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const port = Number(text.trim());
  return /^\d+$/.test(text.trim()) && port >= 1 && port <= 65535 ? undefined : WEBHOOK_PORT_PROBLEM;
}

/**
 * Settings → Live updates: the public address a relay forwards Webex's webhook deliveries from,
 * and the port CallDeck's receiver listens on (127.0.0.1 only). Saved together with "Use these
 * addresses" so a half-typed address never starts webhooks; cleared with "Stop webhooks".
 */
export function LiveUpdatesSection() {
  const id = useId();
  const { save } = useCommands('settings');
  const storedUrl = useAppStore((s) => s.settings.values?.webhookUrl ?? '');
  const storedPort = useAppStore((s) => s.settings.values?.webhookPort ?? 0);
  const { text, problem } = useLiveText();
  const [url, setUrl] = useState(storedUrl);
  const [port, setPort] = useState(storedPort === 0 ? '' : String(storedPort));
  const [tried, setTried] = useState(false);

  // What main stored wins when it changes (another window, a refused save put back).
  useEffect(() => setUrl(storedUrl), [storedUrl]);
  useEffect(() => setPort(storedPort === 0 ? '' : String(storedPort)), [storedPort]);

  const urlError = isWebhookUrl(url) ? undefined : WEBHOOK_URL_PROBLEM;
  const portError = portProblem(port) ?? (url.trim() !== '' && port.trim() === '' ? 'Enter the port your relay forwards to' : undefined);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setTried(true);
    if (urlError || portError) return;
    save({ webhookUrl: url.trim(), webhookPort: port.trim() === '' ? 0 : Number(port.trim()) });
  }

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Live updates</h3>
      <p>
        Now: <span className="live-updates-now">{text}</span>
      </p>
      {problem && <p className="hint live-updates-problem">{problem}</p>}
      <form className="live-updates-fields" onSubmit={submit} noValidate>
        <TextField
          id={`${id}-url`}
          label="Webhook address"
          value={url}
          onChange={setUrl}
          error={tried ? urlError : undefined}
          hint="The public https:// address your relay or tunnel forwards to this computer. Empty: no webhooks."
        />
        <TextField
          id={`${id}-port`}
          label="Local port"
          value={port}
          onChange={setPort}
          inputMode="numeric"
          error={tried ? portError : undefined}
          hint="Where CallDeck listens for the relay, on 127.0.0.1 only."
        />
        <div>
          <button type="submit" className="btn">
            Use these addresses
          </button>{' '}
          {storedUrl !== '' && (
            <button type="button" className="btn" onClick={() => save({ webhookUrl: '', webhookPort: 0 })}>
              Stop webhooks
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
