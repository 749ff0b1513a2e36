import { useState } from 'react';
import { NavLink } from 'react-router';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';
import { navLinkClass } from './nav-link-class';
import type { NavItem } from './nav-items';
import { useSignOut } from './use-sign-out';

/** Small screens, signed in: the menu button and the drawer with the same navigation. */
export function MobileMenu({ items, email }: { items: NavItem[]; email: string | null }) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const signOut = useSignOut();
  return (
    <>
      <button
        type="button"
        className="inline-flex size-10 items-center justify-center rounded-lg text-stone-700 hover:bg-stone-100 md:hidden"
        aria-label="Open menu"
        aria-expanded={drawerOpen}
        aria-haspopup="dialog"
        onClick={() => setDrawerOpen(true)}
      >
        <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
          <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <Dialog variant="drawer" open={drawerOpen} onClose={() => setDrawerOpen(false)} title="Menu">
        <nav aria-label="Menu">
          <ul className="flex flex-col gap-1">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) => cn(navLinkClass({ isActive }), 'block py-3 text-base')}
                  onClick={() => setDrawerOpen(false)}
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-4 border-t border-stone-100 pt-4">
          <p className="truncate px-3 text-sm text-stone-600">{email}</p>
          <Button
            variant="secondary"
            block
            className="mt-3"
            onClick={() => {
              setDrawerOpen(false);
              void signOut();
            }}
          >
            Sign out
          </Button>
        </div>
      </Dialog>
    </>
  );
}
