import { DialogFooter } from '../shared/dialog-footer';
import { Modal } from '../shared/modal';
import { LiveUpdatesSection } from '../events/live-updates-section';
import { AccountsSection } from './accounts-section';
import { GeneralSection } from './general-section';
import { HotkeysSection } from './hotkeys-section';

/**
 * Settings, one section per concern. Each section saves as the person changes it (there is no
 * "Save" to forget), and main validates every change.
 */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Settings" onClose={onClose} className="settings-dialog">
      <div className="settings-sections">
        <GeneralSection />
        <HotkeysSection />
        <AccountsSection />
        <LiveUpdatesSection />
      </div>
      <DialogFooter onClose={onClose} />
    </Modal>
  );
}
