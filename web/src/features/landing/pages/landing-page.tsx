import { Icon, type IconName } from '@/components/icon';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useNearViewport } from '@/lib/use-near-viewport';
import { useFeaturedCourses, usePopularCourses } from '../api/get-course-rails';
import { CourseRail } from '../components/course-rail';
import { LandingHero } from '../components/landing-hero';

const PILLARS: { icon: IconName; title: string; body: string }[] = [
  {
    icon: 'book',
    title: 'Learn',
    body: 'Take video courses at your own pace, join live classes, and take quizzes that are graded fairly on the server. Finish a course and you get a certificate anyone can verify.',
  },
  {
    icon: 'mic',
    title: 'Teach',
    body: 'Know something well? Apply to become an educator, publish courses (free or paid), and host live sessions with chat, Q&A and polls.',
  },
  {
    icon: 'swap',
    title: 'Exchange',
    body: 'Swap skills one-to-one: teach someone guitar, learn Python from them. We suggest partners whose skills and free time fit yours; you agree the terms together.',
  },
];

const STEPS = [
  { title: 'Create a free account', body: 'With your email or your Google account.' },
  {
    title: 'Tell us about your skills',
    body: 'What you know, what you could teach, what you want to learn, and when you’re free.',
  },
  { title: 'Pick where to start', body: 'A course, teaching, or a skill swap — you can do all three.' },
] as const;

/** The public home page: what SkillVerse is, honestly, and how to join. */
export function LandingPage() {
  useDocumentTitle(null);
  const { user } = useAuth();
  // The course rows sit below the fold on a phone: their listeners (and the reads and rendering they
  // bring) start when the reader scrolls towards them, not while the hero is being read.
  const [railsRef, railsNear] = useNearViewport<HTMLDivElement>();
  const featured = useFeaturedCourses(railsNear);
  const popular = usePopularCourses(railsNear);

  return (
    <>
      <LandingHero signedIn={Boolean(user)} />

      <section
        id="what-you-can-do"
        aria-labelledby="pillars-heading"
        className="mx-auto max-w-6xl scroll-mt-20 px-4 py-16 sm:px-6"
      >
        <h2 id="pillars-heading" className="text-center text-3xl font-bold tracking-tight text-stone-900">
          Three ways to grow
        </h2>
        <p className="mx-auto mt-3 max-w-2xl text-center text-stone-700">
          Everyone on SkillVerse can learn and swap skills. Teaching courses and live classes is open to
          educators, approved after a short application.
        </p>
        <ul className="mt-10 grid gap-6 md:grid-cols-3">
          {PILLARS.map((pillar) => (
            <li
              key={pillar.title}
              className="rounded-2xl border border-stone-200 bg-white p-6 shadow-(--shadow-card)"
            >
              <span className="inline-flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-700">
                <Icon name={pillar.icon} className="size-6" />
              </span>
              <h3 className="mt-4 text-xl font-semibold text-stone-900">{pillar.title}</h3>
              <p className="mt-2 text-stone-700">{pillar.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <div ref={railsRef}>
        <CourseRail
          id="featured-heading"
          title="Featured courses"
          description="Hand-picked by the SkillVerse team."
          courses={featured.data}
          pending={featured.isPending}
          error={Boolean(featured.error && !featured.data)}
          onRetry={() => void featured.refetch()}
          moreTo={paths.courses.href()}
        />
        <CourseRail
          id="popular-heading"
          title="Popular right now"
          description="The courses most learners are taking."
          courses={popular.data}
          pending={popular.isPending}
          error={Boolean(popular.error && !popular.data)}
          onRetry={() => void popular.refetch()}
          moreTo={`${paths.courses.href()}?sort=popular`}
        />
      </div>

      <section aria-labelledby="progress-heading" className="border-y border-stone-200 bg-white">
        <div className="mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 md:grid-cols-2 md:items-center">
          <div>
            <h2 id="progress-heading" className="text-3xl font-bold tracking-tight text-stone-900">
              Progress you can see
            </h2>
            <p className="mt-3 text-stone-700">
              Points for every lecture, course, quiz, review and exchange you complete. Five levels from
              Novice to Master, badges for milestones like a 7-day streak or your first skill swap, and a
              weekly leaderboard.
            </p>
          </div>
          <dl className="grid grid-cols-2 gap-4 text-sm">
            {[
              ['Lecture completed', '10 points'],
              ['Course completed', '100 points'],
              ['Skill exchange completed', '75 points'],
              ['Review written', '15 points'],
            ].map(([what, points]) => (
              <div key={what} className="rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
                <dt className="text-stone-700">{what}</dt>
                <dd className="mt-1 text-lg font-semibold text-brand-800">{points}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <section aria-labelledby="steps-heading" className="mx-auto max-w-5xl px-4 py-16 sm:px-6">
        <h2 id="steps-heading" className="text-center text-3xl font-bold tracking-tight text-stone-900">
          Getting started takes a few minutes
        </h2>
        <ol className="mt-10 grid gap-6 md:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step.title} className="flex gap-4">
              <span
                aria-hidden="true"
                className="inline-flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-600 font-bold text-white"
              >
                {i + 1}
              </span>
              <div>
                <h3 className="font-semibold text-stone-900">{step.title}</h3>
                <p className="mt-1 text-stone-700">{step.body}</p>
              </div>
            </li>
          ))}
        </ol>
        {user ? null : (
          <div className="mt-12 text-center">
            <ButtonLink to={paths.signUp.href()} size="lg">
              Join SkillVerse
            </ButtonLink>
          </div>
        )}
      </section>
    </>
  );
}
