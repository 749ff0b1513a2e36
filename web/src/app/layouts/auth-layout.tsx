import { Outlet } from 'react-router';
import { Logo } from '@/components/logo';

/** Sign-in, sign-up, password reset and onboarding: the page's own card, centred. */
export function AuthLayout() {
  return (
    <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 via-stone-50 to-stone-50">
      <header className="flex justify-center px-4 pt-8">
        <Logo />
      </header>
      <main
        id="main-content"
        tabIndex={-1}
        className="flex flex-1 justify-center px-3 py-8 outline-none sm:px-4"
      >
        <Outlet />
      </main>
      <footer className="px-4 pb-6 text-center text-sm text-stone-600">
        SkillVerse — learn, teach and swap skills with people.
      </footer>
    </div>
  );
}
