import './call-controls.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Call } from '../../../preload/contract';
import { useStoreApi } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

interface MenuItem {
  id: string;
  label: string;
  /** What happens, in the person's words; read after the name by screen readers. */
  description?: string;
  dialog?: boolean;
  run(): void;
}

/**
 * The controls that are not a button on the call: the call's "More actions" menu. A real menu
 * button (WAI-ARIA APG): arrows move, Enter/Space choose, Escape closes and returns focus.
 */
/** Whether the call has anything for its menu (the same rules the menu applies below). */
export function hasMenu(call: Call): boolean {
  return MENU_ACTIONS.some((a) => call.actions.includes(a));
}

const MENU_ACTIONS = ['ignore', 'unavailable', 'forward', 'park'] as const;

export function CallMenu({ call, who, startsEndGroup }: { call: Call; who: string; startsEndGroup: boolean }) {
  const store = useStoreApi();
  const calls = useCommands('calls');
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  const openDialog = (kind: 'forward' | 'parkAt') => store.getState().ui.openDialog({ kind, callId: call.id });
  const items: MenuItem[] = [];
  if (call.actions.includes('ignore')) {
    items.push({
      id: 'ignore',
      label: 'Ignore',
      description: 'Stops ringing here only. The caller keeps hearing it ring until no one answers, then reaches voicemail.',
      run: () => void calls.runDirect(call, 'ignore'),
    });
  }
  if (call.actions.includes('unavailable')) {
    items.push({
      id: 'unavailable',
      label: 'Unavailable',
      description: 'Ends the call now; the caller is told you are unavailable.',
      run: () => void calls.runDirect(call, 'unavailable'),
    });
  }
  if (call.actions.includes('forward')) items.push({ id: 'forward', label: 'Forward…', dialog: true, run: () => openDialog('forward') });
  if (call.actions.includes('park')) items.push({ id: 'parkAt', label: 'Park at…', dialog: true, run: () => openDialog('parkAt') });

  // Close on a click anywhere else; focus stays where the person clicked.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (menuRef.current?.contains(target) || buttonRef.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  useEffect(() => {
    if (open) menuItems(menuRef.current)[0]?.focus();
  }, [open]);

  if (items.length === 0) return null;

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function choose(item: MenuItem) {
    // A dialog returns focus to its opener: make that the menu button, not a vanished menu item.
    close(true);
    item.run();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = menuItems(menuRef.current);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
    }
  }

  return (
    <div className="call-menu">
      <button
        ref={buttonRef}
        type="button"
        className={startsEndGroup ? 'btn starts-end-group' : 'btn'}
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={onButtonKeyDown}
      >
        More actions
      </button>
      {open && (
        <div ref={menuRef} id={`${id}-menu`} role="menu" aria-label={`More actions for ${who}`} className="menu" onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              aria-label={item.label}
              aria-haspopup={item.dialog ? 'dialog' : undefined}
              aria-describedby={item.description ? `${id}-${item.id}-desc` : undefined}
              onClick={() => choose(item)}
            >
              <span className="menu-item-label">{item.label}</span>
              {item.description && (
                <span id={`${id}-${item.id}-desc`} className="menu-item-description">
                  {item.description}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : [];
}
