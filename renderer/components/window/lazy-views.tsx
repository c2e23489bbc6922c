/**
 * Settings and the Meetings view (with its VideoSDK region) are loaded when first opened, not
 * with the window: the main window's start-up JS and CSS stay within budget (120 KB gzipped;
 * test/unit/packaging/startup-budget.test.ts). Each stand-in takes the same props as the view it
 * stands for, shows a named loading state while the chunk arrives, and a message if it cannot.
 */
import { Component, lazy, Suspense, useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { DialogFooter } from '../shared/dialog-footer';
import { DialogOpener, Modal } from '../shared/modal';

const LazySettings = lazy(() => import('../settings/settings-dialog').then((m) => ({ default: m.SettingsDialog })));
const LazyMeetings = lazy(() => import('../meetings/meetings-view').then((m) => ({ default: m.MeetingsView })));
const LazyExpel = lazy(() => import('../meetings/expel-dialog').then((m) => ({ default: m.ExpelDialog })));

export function SettingsDialog(props: ComponentProps<typeof LazySettings>) {
  return (
    <LoadedDialog title="Settings" onClose={props.onClose}>
      <LazySettings {...props} />
    </LoadedDialog>
  );
}

export function ExpelDialog(props: ComponentProps<typeof LazyExpel>) {
  return (
    <LoadedDialog title={`Expel ${props.participant.displayName}?`} onClose={props.onClose}>
      <LazyExpel {...props} />
    </LoadedDialog>
  );
}

/** The Meetings view's column; the "Meetings" toggle keeps the focus while it loads. */
export function MeetingsView() {
  const pane = (body: ReactNode) => (
    <div className="side">
      <section className="pane meetings" aria-label="Meeting" aria-busy="true">
        <h2 className="pane-title">Meetings</h2>
        {body}
      </section>
    </div>
  );
  return (
    <Loaded fallback={pane(<p role="status">Loading Meetings…</p>)} failed={(error) => pane(<p role="alert">Meetings could not be loaded: {error.message}</p>)}>
      <LazyMeetings />
    </Loaded>
  );
}

/**
 * A dialog that may still be loading. Its opener is read on the first render, in the same commit
 * that makes the app inert, and handed to the dialog's Modal: by the time the chunk has arrived
 * the loading state holds the focus, and closing must return it to the opener all the same.
 */
function LoadedDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const [opener] = useState(() => document.activeElement);
  return (
    <DialogOpener.Provider value={opener}>
      <Loaded fallback={<LoadingDialog title={title} onClose={onClose} />} failed={(error) => <FailedDialog title={title} error={error} onClose={onClose} />}>
        {children}
      </Loaded>
    </DialogOpener.Provider>
  );
}

function LoadingDialog({ title, onClose }: { title: string; onClose(): void }) {
  return (
    <Modal title={title} onClose={onClose}>
      <p role="status" aria-busy="true">
        Loading…
      </p>
    </Modal>
  );
}

function FailedDialog({ title, error, onClose }: { title: string; error: Error; onClose(): void }) {
  return (
    <Modal title={title} onClose={onClose}>
      <p role="alert">This could not be loaded: {error.message}</p>
      <DialogFooter onClose={onClose} />
    </Modal>
  );
}

/** Suspense for the loading state, and a boundary so a chunk that fails to load is a message, not a blank window. */
function Loaded({ fallback, failed, children }: { fallback: ReactNode; failed(error: Error): ReactNode; children: ReactNode }) {
  return (
    <LoadBoundary failed={failed}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}

class LoadBoundary extends Component<{ failed(error: Error): ReactNode; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  override render() {
    return this.state.error ? this.props.failed(this.state.error) : this.props.children;
  }
}
