import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';

/**
 * The top of the home page, its largest element. The build writes the same markup (signed out)
 * into dist/index.html (scripts/lib/prerender-home.mjs, docs/rendering.md) so `/` paints it before
 * the JavaScript; landing-hero.test.tsx keeps the two identical.
 */
export function LandingHero({ signedIn }: { signedIn: boolean }) {
  return (
    <section className="relative overflow-hidden bg-gradient-to-b from-brand-50 via-white to-stone-50">
      {/* A soft glow: a radial gradient, not a blurred disc — a 64 px blur filter over this area held
          the first paint on a throttled phone by about a second (BENCHMARKS.md, Lighthouse). */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute -top-48 -right-16 size-[36rem] bg-radial-[closest-side] from-brand-200/40 from-40% to-transparent"
      />
      <div className="relative mx-auto max-w-5xl px-4 pt-16 pb-20 text-center sm:px-6 sm:pt-24 sm:pb-28">
        <p className="mx-auto inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium text-brand-800 ring-1 ring-brand-200">
          Peer learning, for everyone
        </p>
        <h1
          tabIndex={-1}
          className="mx-auto mt-6 max-w-3xl text-4xl font-extrabold tracking-tight text-stone-900 sm:text-6xl"
        >
          Learn from people. <span className="text-brand-700">Teach what you know.</span>
        </h1>
        <p className="mx-auto mt-6 max-w-2xl text-lg text-stone-700">
          SkillVerse brings courses, live classes and one-to-one skill swaps together in one place. Earn
          points and badges as you go, and certificates when you finish.
        </p>
        <div className="mt-10 flex flex-col items-center justify-center gap-3 sm:flex-row">
          {signedIn ? (
            <ButtonLink to={paths.dashboard.href()} size="lg">
              Go to your dashboard
            </ButtonLink>
          ) : (
            <ButtonLink to={paths.signUp.href()} size="lg">
              Get started — it’s free
            </ButtonLink>
          )}
          <a
            href="#what-you-can-do"
            className="inline-flex h-12 items-center rounded-lg px-6 font-semibold text-stone-800 hover:bg-white"
          >
            See what you can do
          </a>
        </div>
      </div>
    </section>
  );
}
