/**
 * In-memory stand-ins for the desktop-integration ports: the incoming-call popup window, the OS
 * login item and the application's Quit. Each `implements` the port its Electron adapter does.
 */
import type { PopupState } from '../../preload/contract.js';
import type { AutoStart, AutoStartAvailability, Lifecycle, PopupView } from '../../main/core/ports.js';

export class FakePopup implements PopupView {
  state: PopupState = { cards: [], more: 0 };
  /** How often the popup appeared (went from hidden to shown): it must not re-show per update. */
  shows = 0;
  update(state: PopupState): void {
    if (this.state.cards.length === 0 && state.cards.length > 0) this.shows += 1;
    this.state = state;
  }
  get visible(): boolean {
    return this.state.cards.length > 0;
  }
}

export class FakeAutoStart implements AutoStart {
  enabled = false;
  readonly changes: boolean[] = [];
  constructor(private availabilityValue: AutoStartAvailability = { supported: true }) {}
  availability(): AutoStartAvailability {
    return this.availabilityValue;
  }
  async isEnabled(): Promise<boolean> {
    return this.enabled;
  }
  async setEnabled(enabled: boolean): Promise<void> {
    this.enabled = enabled;
    this.changes.push(enabled);
  }
}

export class FakeLifecycle implements Lifecycle {
  quits = 0;
  quit(): void {
    this.quits += 1;
  }
}
