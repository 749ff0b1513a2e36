import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useSignOut } from './use-sign-out';

const itemClass =
  'flex w-full items-center rounded-md px-3 py-2 text-left text-sm text-stone-800 outline-none hover:bg-stone-100 focus-visible:bg-brand-50 focus-visible:text-brand-900 focus:bg-brand-50';

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
}

/**
 * The account menu (ARIA menu button): Enter, Space or ArrowDown opens it on the first item;
 * ArrowUp/ArrowDown, Home and End move between items; Escape closes it and returns focus to the
 * button; Tab, a click outside or choosing an item closes it.
 */
export function UserMenu() {
  const { user, profile } = useAuth();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const menuId = useId();
  const buttonId = useId();
  const name = profile?.displayName || user?.displayName || user?.email || 'Your account';

  useEffect(() => {
    if (!open) return;
    const list = menuItems(menuRef.current);
    (focusOnOpen.current === 'last' ? list.at(-1) : list[0])?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function openMenu(focus: 'first' | 'last') {
    focusOnOpen.current = focus;
    setOpen(true);
  }

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const list = menuItems(menuRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = list[(index + 1) % list.length];
    else if (event.key === 'ArrowUp') next = list[(index - 1 + list.length) % list.length];
    else if (event.key === 'Home') next = list[0];
    else if (event.key === 'End') next = list.at(-1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm font-medium text-stone-800 hover:bg-stone-100"
      >
        <Avatar name={name} src={profile?.photoURL ?? user?.photoURL ?? null} size="sm" />
        <span className="max-w-40 truncate">
          <span className="sr-only">Account menu: </span>
          {name}
        </span>
        <svg viewBox="0 0 20 20" className="size-4 text-stone-500" aria-hidden="true">
          <path d="M5 8l5 5 5-5" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
        </svg>
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          className="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-stone-200 bg-white p-2 shadow-lg"
        >
          <div role="none" className="border-b border-stone-100 px-3 pt-1 pb-3">
            <p className="truncate text-sm font-semibold text-stone-900">{name}</p>
            {user?.email ? <p className="truncate text-sm text-stone-600">{user.email}</p> : null}
          </div>
          <div role="none" className="mt-1 flex flex-col">
            <Link
              role="menuitem"
              tabIndex={-1}
              to={paths.profile.href()}
              className={itemClass}
              onClick={() => close(false)}
            >
              Profile
            </Link>
            <Link
              role="menuitem"
              tabIndex={-1}
              to={paths.settings.href()}
              className={itemClass}
              onClick={() => close(false)}
            >
              Settings
            </Link>
            <div role="none" className="my-1 border-t border-stone-100" />
            <button
              role="menuitem"
              tabIndex={-1}
              type="button"
              className={itemClass}
              onClick={() => {
                setOpen(false);
                void signOut();
              }}
            >
              Sign out
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
