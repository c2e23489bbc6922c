import type { ReactNode } from 'react';

/**
 * A dialog's action row: the way out first (Close or Cancel), then the dialog's own actions, so
 * every dialog reads and tabs the same way.
 */
export function DialogFooter({ onClose, closeLabel = 'Close', children }: { onClose(): void; closeLabel?: string; children?: ReactNode }) {
  return (
    <div className="modal-actions">
      <button type="button" className="btn" onClick={onClose}>
        {closeLabel}
      </button>
      {children}
    </div>
  );
}
