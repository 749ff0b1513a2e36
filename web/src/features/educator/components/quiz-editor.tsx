import { orderLectures } from '@skillverse/domain/catalog';
import type { Lecture, QuestionType, Quiz, QuizKey } from '@skillverse/domain/models';
import {
  DEFAULT_QUIZ_SETTINGS,
  QUIZ_ATTEMPT_LIMIT_MAX,
  QUIZ_ATTEMPT_LIMIT_MIN,
  QUIZ_TIME_LIMIT_MAX_MINUTES,
  QUIZ_TIME_LIMIT_MIN_MINUTES,
  type QuizFeedbackMode,
} from '@skillverse/domain/quizzes';
import { type FormEvent, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import type { CourseDoc } from '@/lib/data/courses';
import type { RevisionDoc } from '@/lib/data/revisions';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { useDeleteQuiz, useSaveQuiz } from '../api/save-quiz';
import { RevisionStatus } from './revision-status';
import { type QuizData, type QuizInput, quizSchema } from '../utils/course-schema';

export const QUIZ_ID = 'final';

const TYPE_LABELS: Record<QuestionType, string> = {
  single: 'One correct answer',
  multiple: 'Several correct answers',
  boolean: 'True or false',
};

type QuestionInput = QuizInput['questions'][number];

function nextQuestionId(questions: QuestionInput[]): string {
  let n = questions.length + 1;
  const ids = new Set(questions.map((q) => q.id));
  while (ids.has(`q${n}`)) n += 1;
  return `q${n}`;
}

function initialFrom(quiz: Quiz | null, key: QuizKey | null, lastLectureId: string): QuizInput {
  return {
    title: quiz?.title ?? 'Final quiz',
    passingScore: quiz?.passingScore ?? 70,
    lectureId: quiz?.lectureId ?? lastLectureId,
    attemptLimit: quiz?.attemptLimit ?? DEFAULT_QUIZ_SETTINGS.attemptLimit,
    timeLimitMinutes: quiz?.timeLimitMinutes ?? '',
    shuffle: quiz?.shuffle ?? DEFAULT_QUIZ_SETTINGS.shuffle,
    showCorrectness: quiz?.showCorrectness ?? DEFAULT_QUIZ_SETTINGS.showCorrectness,
    questions:
      quiz?.questions.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        type: q.type,
        options: [...q.options],
        correct: key?.answers[q.id] ?? [],
      })) ?? [],
  };
}

/** The course quiz: questions, options and the correct option(s); answers are saved separately. */
export function QuizEditor({
  course,
  lectures,
  quiz,
  quizKey,
  disabled,
  live = false,
  revision,
}: {
  course: CourseDoc;
  lectures: Lecture[];
  quiz: Quiz | null;
  quizKey: QuizKey | null;
  disabled: boolean;
  /** The course is live: question, grading and answer changes go to an admin for review. */
  live?: boolean;
  /** This quiz's latest revision, if any. */
  revision?: RevisionDoc;
}) {
  const ordered = orderLectures(lectures, course.sections);
  const form = useZodForm<QuizInput, QuizData>(
    quizSchema,
    initialFrom(quiz, quizKey, ordered.at(-1)?.id ?? ''),
  );
  const { toast } = useToast();
  const save = useSaveQuiz({
    onSuccess: (outcome) =>
      toast({
        title:
          outcome === 'review'
            ? 'Quiz sent for review: learners keep the approved quiz until an admin approves the change'
            : 'Quiz saved',
      }),
    onError: (error) =>
      toast({ title: 'We couldn’t save the quiz', description: friendlyError(error), tone: 'error' }),
  });
  const remove = useDeleteQuiz();
  const ref = useRef<HTMLFormElement>(null);
  const v = form.values;
  const e = form.errors;

  const setQuestion = (i: number, patch: Partial<QuestionInput>) =>
    form.set(
      'questions',
      v.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = form.validate();
    if (!data) {
      focusFirstInvalid(ref.current);
      return;
    }
    const lecture = ordered.find((l) => l.id === data.lectureId);
    save.mutate({
      courseId: course.id,
      quizId: quiz?.id ?? QUIZ_ID,
      sectionId: lecture?.sectionId ?? null,
      quiz: data,
      isNew: !quiz,
      live: live ? { instructorId: course.instructorId, before: quiz, beforeKey: quizKey } : undefined,
    });
  };

  if (ordered.length === 0) {
    return <Alert tone="info">Add lectures first: a quiz follows one of them.</Alert>;
  }

  return (
    <form ref={ref} onSubmit={submit} noValidate className="flex flex-col gap-5">
      {live ? (
        <Alert tone="info" title="This course is live: quiz changes are reviewed first">
          A title fix applies at once. New quizzes, removals and changes to questions, answers, the pass mark
          or the attempt rules go to an admin; learners keep the approved quiz until then.{' '}
          <RevisionStatus revision={revision} />
        </Alert>
      ) : null}
      <Card>
        <CardHeader
          title="Quiz settings"
          description="Learners see the questions and options; the correct answers stay on the server, which grades each attempt."
        />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          <Field label="Quiz title" error={e.title}>
            <Input value={v.title} onChange={(ev) => form.set('title', ev.target.value)} />
          </Field>
          <Field label="Pass mark (%)" error={e.passingScore}>
            <Input
              type="number"
              min={0}
              max={100}
              value={String(v.passingScore)}
              onChange={(ev) => form.set('passingScore', ev.target.value)}
            />
          </Field>
          <Field label="Shown after lecture" error={e.lectureId}>
            <Select value={v.lectureId} onChange={(ev) => form.set('lectureId', ev.target.value)}>
              {ordered.map((l, i) => (
                <option key={l.id} value={l.id}>
                  {i + 1}. {l.title}
                </option>
              ))}
            </Select>
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          as="h3"
          title="Attempts"
          description="The server issues each attempt, counts it and enforces the time limit; learners cannot retry beyond the limit."
        />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Attempts allowed"
            hint={`${QUIZ_ATTEMPT_LIMIT_MIN}–${QUIZ_ATTEMPT_LIMIT_MAX} per learner.`}
            error={e.attemptLimit}
          >
            <Input
              type="number"
              min={QUIZ_ATTEMPT_LIMIT_MIN}
              max={QUIZ_ATTEMPT_LIMIT_MAX}
              value={String(v.attemptLimit)}
              onChange={(ev) => form.set('attemptLimit', ev.target.value)}
            />
          </Field>
          <Field
            label="Time limit (minutes)"
            hint={`${QUIZ_TIME_LIMIT_MIN_MINUTES}–${QUIZ_TIME_LIMIT_MAX_MINUTES} per attempt; leave empty for no limit.`}
            error={e.timeLimitMinutes}
            optional
          >
            <Input
              type="number"
              min={QUIZ_TIME_LIMIT_MIN_MINUTES}
              max={QUIZ_TIME_LIMIT_MAX_MINUTES}
              value={v.timeLimitMinutes == null ? '' : String(v.timeLimitMinutes)}
              onChange={(ev) => form.set('timeLimitMinutes', ev.target.value)}
            />
          </Field>
          <Field
            label="Show which answers were right"
            hint="Per-question feedback while attempts remain would let learners find the answers by trying."
          >
            <Select
              value={v.showCorrectness}
              onChange={(ev) => form.set('showCorrectness', ev.target.value as QuizFeedbackMode)}
            >
              <option value="afterPassOrLast">After passing or the last attempt</option>
              <option value="never">Never (score only)</option>
            </Select>
          </Field>
          <label className="flex items-start gap-2 self-end pb-2 text-sm text-stone-800">
            <input
              type="checkbox"
              checked={v.shuffle === true}
              onChange={(ev) => form.set('shuffle', ev.target.checked)}
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>Shuffle questions and options for each attempt</span>
          </label>
        </CardBody>
      </Card>

      {v.questions.map((q, i) => {
        const multiple = q.type === 'multiple';
        const correct = q.correct ?? [];
        return (
          <Card key={q.id}>
            <CardHeader
              as="h3"
              title={`Question ${i + 1}`}
              actions={
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-red-700"
                  onClick={() =>
                    form.set(
                      'questions',
                      v.questions.filter((_, j) => j !== i),
                    )
                  }
                >
                  Remove<span className="sr-only"> question {i + 1}</span>
                </Button>
              }
            />
            <CardBody className="flex flex-col gap-4">
              <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
                <Field label={`Question ${i + 1} prompt`} error={e[`questions.${i}.prompt`]}>
                  <Input value={q.prompt} onChange={(ev) => setQuestion(i, { prompt: ev.target.value })} />
                </Field>
                <Field label={`Question ${i + 1} type`}>
                  <Select
                    value={q.type}
                    onChange={(ev) => {
                      const type = ev.target.value as QuestionType;
                      setQuestion(i, {
                        type,
                        options: type === 'boolean' ? ['True', 'False'] : q.options,
                        correct: type === 'multiple' ? correct : correct.slice(0, 1),
                      });
                    }}
                  >
                    {(Object.keys(TYPE_LABELS) as QuestionType[]).map((t) => (
                      <option key={t} value={t}>
                        {TYPE_LABELS[t]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <fieldset className="flex flex-col gap-2">
                <legend className="text-sm font-medium text-stone-800">
                  Options — mark the correct {multiple ? 'ones' : 'one'}
                </legend>
                {q.options.map((option, oIndex) => (
                  <div
                    // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their position
                    key={oIndex}
                    className="flex items-center gap-2"
                  >
                    <input
                      type={multiple ? 'checkbox' : 'radio'}
                      name={`${q.id}-correct`}
                      aria-label={`Option ${oIndex + 1} of question ${i + 1} is correct`}
                      checked={correct.includes(oIndex)}
                      onChange={() =>
                        setQuestion(i, {
                          correct: multiple
                            ? correct.includes(oIndex)
                              ? correct.filter((c) => c !== oIndex)
                              : [...correct, oIndex].sort((a, b) => a - b)
                            : [oIndex],
                        })
                      }
                      className="size-4 accent-brand-600"
                    />
                    <Field
                      label={`Option ${oIndex + 1} of question ${i + 1}`}
                      labelHidden
                      className="flex-1"
                      error={e[`questions.${i}.options.${oIndex}`]}
                    >
                      <Input
                        value={option}
                        disabled={q.type === 'boolean'}
                        onChange={(ev) =>
                          setQuestion(i, {
                            options: q.options.map((o, j) => (j === oIndex ? ev.target.value : o)),
                          })
                        }
                      />
                    </Field>
                    {q.type !== 'boolean' && q.options.length > 2 ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() =>
                          setQuestion(i, {
                            options: q.options.filter((_, j) => j !== oIndex),
                            correct: correct.filter((c) => c !== oIndex).map((c) => (c > oIndex ? c - 1 : c)),
                          })
                        }
                      >
                        Remove<span className="sr-only"> option {oIndex + 1}</span>
                      </Button>
                    ) : null}
                  </div>
                ))}
                <p aria-live="polite" className="text-sm font-medium text-red-700">
                  {e[`questions.${i}.correct`] ?? e[`questions.${i}.options`] ?? ''}
                </p>
                {q.type !== 'boolean' && q.options.length < 10 ? (
                  <div>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setQuestion(i, { options: [...q.options, ''] })}
                    >
                      Add option<span className="sr-only"> to question {i + 1}</span>
                    </Button>
                  </div>
                ) : null}
              </fieldset>
            </CardBody>
          </Card>
        );
      })}

      <p aria-live="polite" className="text-sm font-medium text-red-700">
        {e.questions ?? ''}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() =>
            form.set('questions', [
              ...v.questions,
              { id: nextQuestionId(v.questions), prompt: '', type: 'single', options: ['', ''], correct: [] },
            ])
          }
        >
          Add question
        </Button>
        <Button type="submit" loading={save.isPending} disabled={disabled}>
          Save quiz
        </Button>
        {quiz ? (
          <Button
            variant="ghost"
            className="text-red-700"
            loading={remove.isPending}
            disabled={disabled}
            onClick={() => {
              if (!window.confirm('Delete the quiz and its answers?')) return;
              remove.mutate(
                {
                  courseId: course.id,
                  quizId: quiz.id,
                  live: live ? { instructorId: course.instructorId, title: quiz.title } : undefined,
                },
                { onSuccess: () => toast({ title: live ? 'Removal sent for review' : 'Quiz deleted' }) },
              );
            }}
          >
            Delete quiz
          </Button>
        ) : null}
      </div>
    </form>
  );
}
