/**
 * Settings, the Meetings view (with its VideoSDK region), the queues pane, "Use device" and the call
 * history are loaded when first shown, not with the window: the main window's start-up JS and CSS stay within budget (120 KB gzipped;
 * test/unit/packaging/startup-budget.test.ts). Each stand-in takes the same props as the view it
 * stands for, shows a named loading state while the chunk arrives, and a message if it cannot.
 */
import { Component, lazy, Suspense, useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
import { DialogFooter } from '../shared/dialog-footer';
import { DialogOpener, Modal } from '../shared/modal';
import { useAppStore } from '../../store/store-context';

const LazySettings = lazy(() => import('../settings/settings-dialog').then((m) => ({ default: m.SettingsDialog })));
const LazyMeetings = lazy(() => import('../meetings/meetings-view').then((m) => ({ default: m.MeetingsView })));
const LazyExpel = lazy(() => import('../meetings/expel-dialog').then((m) => ({ default: m.ExpelDialog })));
const LazyDevicePicker = lazy(() => import('../devices/device-picker').then((m) => ({ default: m.DevicePicker })));
const LazyHistory = lazy(() => import('../calls/call-history').then((m) => ({ default: m.CallHistory })));
const LazyQueues = lazy(() => import('../devices/queue-availability').then((m) => ({ default: m.QueueAvailability })));

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
 * "Call history": its list arrives from the provider after start anyway, so until the code has
 * arrived too the pane shows the same loading state it shows while the list is fetched.
 */
export function CallHistory() {
  const pane = (body: ReactNode) => (
    <section className="pane pane-history" aria-label="Call history">
      <h2 className="pane-title">Call history</h2>
      {body}
    </section>
  );
  return (
    <Loaded fallback={pane(<p className="empty">Loading call history…</p>)} failed={(error) => pane(<p role="alert">Call history could not be loaded: {error.message}</p>)}>
      <LazyHistory />
    </Loaded>
  );
}

/** "Use device": only shown once my devices have arrived, so never at first paint. */
export function DevicePicker() {
  const hasDevices = useAppStore((s) => (s.devices.info?.devices.length ?? 0) > 0);
  if (!hasDevices) return null;
  const field = (body: ReactNode) => <div className="device-picker field">{body}</div>;
  return (
    <Loaded fallback={field(<p role="status">Loading devices…</p>)} failed={(error) => field(<p role="alert">Devices could not be loaded: {error.message}</p>)}>
      <LazyDevicePicker />
    </Loaded>
  );
}

/**
 * "Queue availability": only shown once the line's queues have arrived, so never at first paint.
 * The check for queues is here, so a window without queues never loads the chunk at all.
 */
export function QueueAvailability() {
  const hasQueues = useAppStore((s) => (s.devices.info?.queues.length ?? 0) > 0);
  if (!hasQueues) return null;
  const pane = (body: ReactNode) => (
    <section className="pane" aria-label="Queues" aria-busy="true">
      <h2 className="pane-title">Queues</h2>
      {body}
    </section>
  );
  return (
    <Loaded fallback={pane(<p role="status">Loading queues…</p>)} failed={(error) => pane(<p role="alert">Queues could not be loaded: {error.message}</p>)}>
      <LazyQueues />
    </Loaded>
  );
}

/**
 * A dialog that may still be loading. Its opener is read on the first render, in the same commit
 * that makes the app inert, and handed to the dialog's Modal: by the time the chunk has arrived
 * the loading state holds the focus, and closing must return it to the opener all the same.
 */
export function LoadedDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
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
