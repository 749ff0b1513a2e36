import type { Lecture, LiveQuestion, LiveSession } from '@skillverse/domain/models';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useCourse } from '@/lib/data/courses';
import { useLectures } from '@/lib/data/lectures';
import { useQuestions } from '../../api/room';
import { orderedLectures, usePublishSessionFaq, useUnpublishSessionFaq } from '../../api/session-qa';
import { sortQuestions } from '../../utils/room';
import { AnswerEditor } from './answer-editor';

/** Callables answer with a message meant for people; Firestore errors get the friendly one. */
const callableError = (error: unknown) =>
  error instanceof Error && error.message ? error.message : friendlyError(error);

/**
 * The host's "After the session" panel (ended sessions): answer what is still open, and publish
 * answered questions as FAQ entries on a lecture of the linked course (publishSessionFaq), or
 * move or withdraw them.
 */
export function AfterSessionPanel({ session }: { session: LiveSession }) {
  const questions = useQuestions(session.id, true);
  const course = useCourse(session.courseId ?? undefined);
  const lectures = useLectures(session.courseId);
  const ordered = orderedLectures(lectures.data, course.data?.sections);
  const list = sortQuestions(questions.data ?? []);
  const answered = list.filter((q) => q.answered);
  const open = list.filter((q) => !q.answered);

  return (
    <Card id="after-session">
      <CardHeader title="After the session" />
      <CardBody className="flex flex-col gap-5">
        {!session.courseId ? (
          <Alert tone="info" title="FAQ needs a course">
            FAQ entries are shown on a course’s lectures, and this session wasn’t linked to a course, so its
            answers can’t be published. Link one of your courses when you schedule your next session.
          </Alert>
        ) : (
          <p className="text-sm text-stone-700">
            Publish answered questions as FAQ on a lecture of{' '}
            <span className="font-medium">{course.data?.title ?? 'the linked course'}</span>: learners see
            them under that lecture in the player. Unanswered questions point their askers to people who teach
            this skill.
          </p>
        )}
        {questions.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            <span className="sr-only">Loading questions…</span>
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : questions.error && !questions.data ? (
          <Alert tone="error">{friendlyError(questions.error)}</Alert>
        ) : list.length === 0 ? (
          <p className="text-sm text-stone-600">Nobody asked a question in this session.</p>
        ) : (
          <>
            {session.courseId && lectures.error && !lectures.data ? (
              <Alert tone="error">{friendlyError(lectures.error)}</Alert>
            ) : null}
            <section aria-labelledby="answered-title">
              <h3 id="answered-title" className="text-sm font-semibold text-stone-900">
                Answered ({answered.length})
              </h3>
              {answered.length === 0 ? (
                <p className="mt-1 text-sm text-stone-600">No answered questions yet.</p>
              ) : (
                <ul className="mt-2 flex flex-col gap-3">
                  {answered.map((q) => (
                    <AnsweredRow
                      key={q.id}
                      session={session}
                      question={q}
                      lectures={ordered}
                      lecturesLoading={Boolean(session.courseId) && lectures.isPending}
                    />
                  ))}
                </ul>
              )}
            </section>
            {open.length > 0 ? (
              <section aria-labelledby="open-title">
                <h3 id="open-title" className="text-sm font-semibold text-stone-900">
                  Not answered ({open.length})
                </h3>
                <ul className="mt-2 flex flex-col gap-3">
                  {open.map((q) => (
                    <OpenRow key={q.id} sessionId={session.id} question={q} />
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}

function QuestionText({ q }: { q: LiveQuestion }) {
  return (
    <p className="break-words font-medium text-stone-900">
      {q.text}
      <span className="ml-2 text-xs font-normal text-stone-600">
        {q.upvoterIds.length} {q.upvoterIds.length === 1 ? 'upvote' : 'upvotes'}
      </span>
    </p>
  );
}

function OpenRow({ sessionId, question }: { sessionId: string; question: LiveQuestion }) {
  const { canWrite } = useAuth();
  const [editing, setEditing] = useState(false);
  return (
    <li className="rounded-lg border border-stone-200 p-3" data-testid="open-question">
      <QuestionText q={question} />
      {editing ? (
        <div className="mt-2">
          <AnswerEditor
            sessionId={sessionId}
            questionId={question.id}
            questionText={question.text}
            initial={question.answer ?? ''}
            onDone={() => setEditing(false)}
            disabled={!canWrite}
          />
        </div>
      ) : (
        <Button
          className="mt-2"
          size="sm"
          variant="secondary"
          onClick={() => setEditing(true)}
          disabled={!canWrite}
        >
          Answer<span className="sr-only">: {question.text}</span>
        </Button>
      )}
    </li>
  );
}

function AnsweredRow({
  session,
  question,
  lectures,
  lecturesLoading,
}: {
  session: LiveSession;
  question: LiveQuestion;
  lectures: Lecture[];
  lecturesLoading: boolean;
}) {
  const { canWrite } = useAuth();
  const { toast } = useToast();
  const publish = usePublishSessionFaq();
  const unpublish = useUnpublishSessionFaq();
  const [editing, setEditing] = useState(false);
  const published = question.faq ?? null;
  const [lectureId, setLectureId] = useState<string>(published?.lectureId ?? '');
  const chosen = lectureId || lectures[0]?.id || '';
  const publishedLecture = published ? lectures.find((l) => l.id === published.lectureId) : undefined;
  const answer = question.answer?.trim() ?? '';
  const [error, setError] = useState<string | null>(null);

  const onPublish = () => {
    setError(null);
    publish.mutate(
      { sessionId: session.id, questionId: question.id, lectureId: chosen },
      {
        onSuccess: (res) => {
          const title = lectures.find((l) => l.id === res.lectureId)?.title ?? 'the lecture';
          toast({
            title: res.result === 'created' ? 'Published as FAQ' : 'FAQ entry updated',
            description: `Learners now see it under “${title}”.`,
            tone: 'success',
          });
        },
        onError: (e) => setError(callableError(e)),
      },
    );
  };
  const onUnpublish = () => {
    setError(null);
    unpublish.mutate(
      { sessionId: session.id, questionId: question.id },
      {
        onSuccess: () => toast({ title: 'FAQ entry removed', tone: 'success' }),
        onError: (e) => setError(callableError(e)),
      },
    );
  };

  return (
    <li className="rounded-lg border border-stone-200 p-3" data-testid="answered-question">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <QuestionText q={question} />
        {published ? (
          <Badge tone="success">Published{publishedLecture ? ` · ${publishedLecture.title}` : ''}</Badge>
        ) : null}
      </div>
      {editing || !answer ? (
        <div className="mt-2">
          {!answer && !editing ? (
            <p className="mb-2 text-sm text-stone-600">
              Marked answered in the room. Write the answer down to publish it.
            </p>
          ) : null}
          <AnswerEditor
            sessionId={session.id}
            questionId={question.id}
            questionText={question.text}
            initial={answer}
            onDone={editing ? () => setEditing(false) : undefined}
            disabled={!canWrite}
          />
        </div>
      ) : (
        <div className="mt-2 flex flex-col gap-2">
          <p className="whitespace-pre-line text-sm text-stone-800">{answer}</p>
          <div>
            <Button
              size="sm"
              variant="ghost"
              className="-ml-3"
              onClick={() => setEditing(true)}
              disabled={!canWrite}
            >
              Edit answer<span className="sr-only">: {question.text}</span>
            </Button>
          </div>
        </div>
      )}
      {session.courseId && answer && !editing ? (
        <div className="mt-3 flex flex-col gap-2 border-t border-stone-100 pt-3 sm:flex-row sm:items-end">
          <Field
            label={
              <span>
                Lecture<span className="sr-only"> for “{question.text}”</span>
              </span>
            }
            className="sm:flex-1"
          >
            <Select
              value={chosen}
              onChange={(e) => setLectureId(e.target.value)}
              disabled={lecturesLoading || lectures.length === 0 || !canWrite}
            >
              {lecturesLoading ? <option value="">Loading lectures…</option> : null}
              {!lecturesLoading && lectures.length === 0 ? (
                <option value="">This course has no lectures</option>
              ) : null}
              {lectures.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button
              size="md"
              onClick={onPublish}
              loading={publish.isPending}
              disabled={!chosen || !canWrite || unpublish.isPending}
            >
              {published ? 'Update FAQ' : 'Publish as FAQ'}
              <span className="sr-only">: {question.text}</span>
            </Button>
            {published ? (
              <Button
                size="md"
                variant="secondary"
                onClick={onUnpublish}
                loading={unpublish.isPending}
                disabled={!canWrite || publish.isPending}
              >
                Unpublish<span className="sr-only">: {question.text}</span>
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
