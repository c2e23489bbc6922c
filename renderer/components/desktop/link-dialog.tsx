import { useRef } from 'react';
import type { LinkPrompt } from '../../../preload/contract';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { DialogFooter } from '../shared/dialog-footer';
import { Modal } from '../shared/modal';

/**
 * A tel:/sip: link waiting in the window: "Ask before dialing" confirms it, an invalid one says
 * why nothing was dialled. Closing the dialog any way but "Call" dials nothing.
 */
export function LinkDialog({ id, onClose }: { id: number; onClose(): void }) {
  const desktop = useCommands('desktop');
  const prompt = useAppStore((s) => (s.desktop.state?.link?.id === id ? s.desktop.state.link : null));
  const callRef = useRef<HTMLButtonElement>(null);
  if (prompt === null) return null;

  const resolve = (dial: boolean) => {
    onClose();
    void desktop.resolveLink(prompt, dial);
  };

  return prompt.kind === 'confirm' ? (
    <Modal title="Call this number?" onClose={() => resolve(false)} initialFocus={callRef} className="link-dialog">
      <ConfirmBody prompt={prompt} />
      <DialogFooter onClose={() => resolve(false)} closeLabel="Cancel">
        <button ref={callRef} type="button" className="btn btn-primary" data-action="answer" onClick={() => resolve(true)}>
          Call
        </button>
      </DialogFooter>
    </Modal>
  ) : (
    <Modal title="Can't call this link" onClose={() => resolve(false)} className="link-dialog">
      <p className="link-reason">{prompt.reason}</p>
      <p className="hint">
        Nothing was dialled. The link was: <span className="link-text">{prompt.link}</span>
      </p>
      <DialogFooter onClose={() => resolve(false)} />
    </Modal>
  );
}

function ConfirmBody({ prompt }: { prompt: Extract<LinkPrompt, { kind: 'confirm' }> }) {
  return (
    <>
      <p className="link-number">{prompt.display}</p>
      {prompt.extension && <p>Then extension {prompt.extension}, sent as tones once the call connects.</p>}
      <p className="hint">
        From a link: <span className="link-text">{prompt.link}</span>
      </p>
    </>
  );
}
