import type { LiveQuestion, LiveSession } from '@skillverse/domain/models';
import {
  exchangeMessageForQuestion,
  myUnansweredQuestions,
  type SuggestedTeacher,
  sessionSkillKeys,
} from '@skillverse/domain/session-qa';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useCourse } from '@/lib/data/courses';
import { useQuestions } from '../../api/room';
import { useSuggestedTeachers } from '../../api/session-qa';

/**
 * After a session: the questions I asked or upvoted that were not answered, each with people who
 * offer the session's skill (from the linked course's tags and category) and a prefilled
 * skill-exchange request. Hidden when I have none.
 */
export function FollowUpQuestions({ session, uid }: { session: LiveSession; uid: string }) {
  const questions = useQuestions(session.id, true);
  const mine = myUnansweredQuestions(questions.data ?? [], uid);
  const course = useCourse(mine.length > 0 ? (session.courseId ?? undefined) : undefined);
  const skillKeys = sessionSkillKeys(course.data ?? null);
  const teachers = useSuggestedTeachers(
    skillKeys,
    [session.hostId, uid],
    mine.length > 0 && skillKeys.length > 0,
  );

  if (questions.isPending || mine.length === 0) return null;
  const courseLoading = Boolean(session.courseId) && course.isPending;
  // The matched skill as the teacher spells it; else the course's first tag (tags are often
  // lower case: "react" reads as "React"), else its category.
  const tag = course.data?.tags[0];
  const skillLabel =
    teachers.data?.[0]?.skill ??
    (tag ? tag.charAt(0).toUpperCase() + tag.slice(1) : course.data?.category) ??
    'this';

  return (
    <Card id="follow-up">
      <CardHeader
        title={mine.length === 1 ? 'Your question is still open' : 'Your questions are still open'}
      />
      <CardBody className="flex flex-col gap-4">
        <p className="text-sm text-stone-700">
          The session ended before {mine.length === 1 ? 'it was' : 'they were'} answered. Someone who teaches{' '}
          {skillLabel} may help you one to one, in a skill exchange.
        </p>
        <ul className="flex flex-col gap-4">
          {mine.map((q) => (
            <li
              key={q.id}
              className="rounded-lg border border-stone-200 p-3"
              data-testid="follow-up-question"
            >
              <blockquote className="break-words border-l-4 border-brand-200 pl-3 text-stone-900">
                {q.text}
              </blockquote>
              <p className="mt-1 text-xs text-stone-600">
                {q.authorId === uid ? 'You asked this' : 'You upvoted this'}
              </p>
              <Suggestions
                session={session}
                question={q}
                loading={courseLoading || (skillKeys.length > 0 && teachers.isPending)}
                error={teachers.error}
                teachers={teachers.data ?? []}
                skillLabel={skillLabel}
                hasSkill={skillKeys.length > 0}
              />
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function Suggestions({
  session,
  question,
  loading,
  error,
  teachers,
  skillLabel,
  hasSkill,
}: {
  session: LiveSession;
  question: LiveQuestion;
  loading: boolean;
  error: unknown;
  teachers: SuggestedTeacher[];
  skillLabel: string;
  hasSkill: boolean;
}) {
  const headingId = `ask-${question.id}`;
  if (loading)
    return (
      <div className="mt-3 flex flex-col gap-2" aria-busy="true">
        <span className="sr-only">Finding people who teach this…</span>
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
      </div>
    );
  if (error)
    return (
      <Alert tone="error" className="mt-3">
        {friendlyError(error)}
      </Alert>
    );
  if (!hasSkill || teachers.length === 0)
    return (
      <p className="mt-3 text-sm text-stone-700">
        {hasSkill ? `Nobody else offers ${skillLabel} yet. ` : ''}
        <Link className="font-medium text-brand-800 underline" to={paths.skillExchange.href()}>
          Search the skill exchange
        </Link>{' '}
        for someone who can help.
      </p>
    );
  return (
    <section aria-labelledby={headingId} className="mt-3">
      <h3 id={headingId} className="text-sm font-semibold text-stone-900">
        Ask someone who teaches {skillLabel}
      </h3>
      <ul className="mt-2 flex flex-col divide-y divide-stone-100">
        {teachers.map((t) => (
          <li key={t.uid} className="flex flex-wrap items-center gap-3 py-2" data-testid="suggested-teacher">
            <Avatar name={t.displayName} src={t.photoURL} size="sm" />
            <div className="min-w-0 flex-1">
              <p className="font-medium text-stone-900">{t.displayName}</p>
              <p className="break-words text-xs text-stone-600">
                Teaches {t.skill}
                {t.rating.count > 0 ? (
                  <>
                    {' · '}
                    <span aria-hidden="true">★</span>
                    <span className="sr-only">rated</span> {t.rating.average.toFixed(1)} ({t.rating.count}
                    <span className="sr-only"> ratings</span>)
                  </>
                ) : null}
              </p>
            </div>
            <ButtonLink
              size="sm"
              variant="secondary"
              to={paths.skillExchangeRequest.href(
                t.uid,
                t.skill,
                exchangeMessageForQuestion(question.text, session.title),
              )}
            >
              Ask {t.displayName.split(' ')[0]}
              <span className="sr-only"> about “{question.text}”</span>
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
