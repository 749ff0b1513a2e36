import { cn } from '@/lib/cn';

/** A main-navigation link: highlighted when it is the current page (NavLink's `isActive`). */
export const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-lg px-3 py-2 text-sm font-medium',
    isActive ? 'bg-brand-50 text-brand-800' : 'text-stone-700 hover:bg-stone-100 hover:text-stone-900',
  );
