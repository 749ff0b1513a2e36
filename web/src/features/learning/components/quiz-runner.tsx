import type { StartQuizAttemptResponse, SubmitQuizResponse } from '@skillverse/domain/courses-api';
import type { Quiz } from '@skillverse/domain/models';
import { attemptsLeft, formatCountdown, readQuizSettings } from '@skillverse/domain/quizzes';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { useMyQuizAttempts } from '../api/get-quiz-attempts';
import { useStartQuizAttempt, useSubmitQuiz } from '../api/submit-quiz';
import { chooseOption, unanswered } from '../utils/player';

/** Seconds left at which the countdown is announced to screen readers. */
const ANNOUNCE_AT = [300, 60, 30, 10];

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function spokenTime(seconds: number): string {
  if (seconds >= 60) return plural(Math.round(seconds / 60), 'minute');
  return plural(seconds, 'second');
}

/**
 * A visible countdown to the server's deadline (corrected for this device's clock), announced
 * politely near the end; calls `onExpire` once when it reaches zero.
 */
function Countdown({
  deadline,
  clockOffsetMs,
  onExpire,
}: {
  deadline: number;
  clockOffsetMs: number;
  onExpire: () => void;
}) {
  const left = useCallback(
    () => Math.max(0, Math.ceil((deadline - (Date.now() + clockOffsetMs)) / 1000)),
    [deadline, clockOffsetMs],
  );
  const [seconds, setSeconds] = useState(left);
  const [announcement, setAnnouncement] = useState('');
  const expired = useRef(false);
  const announced = useRef(new Set<number>());
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    const tick = () => {
      const s = left();
      setSeconds(s);
      const mark = ANNOUNCE_AT.find((m) => s <= m && !announced.current.has(m));
      if (mark !== undefined && s > 0) {
        for (const m of ANNOUNCE_AT) if (m >= s) announced.current.add(m);
        setAnnouncement(`${spokenTime(s)} left on this quiz.`);
      }
      if (s <= 0 && !expired.current) {
        expired.current = true;
        setAnnouncement('Time is up. Your answers are being submitted.');
        expire.current();
      }
    };
    tick();
    const id = window.setInterval(tick, 500);
    return () => window.clearInterval(id);
  }, [left]);

  const urgent = seconds <= 60;
  return (
    <div className="flex items-center gap-2">
      <span
        role="timer"
        aria-label={`Time left: ${formatCountdown(seconds)}`}
        className={cn(
          'rounded-lg px-2.5 py-1 font-mono text-sm font-semibold tabular-nums ring-1',
          urgent ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-stone-50 text-stone-800 ring-stone-200',
        )}
        data-testid="quiz-countdown"
      >
        ⏱ {formatCountdown(seconds)}
      </span>
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </div>
  );
}

/**
 * Take a quiz: "Start quiz" asks the server for an attempt (its own order and deadline); answers
 * go to submitQuiz, which grades on the server. Shows attempts left, a countdown with an automatic
 * submission at the deadline, and per-question marks only when the server shows them.
 */
export function QuizRunner({
  courseId,
  uid,
  quiz,
  requiredScore,
  disabled,
}: {
  courseId: string;
  uid: string;
  quiz: Quiz;
  requiredScore: number;
  disabled?: boolean;
}) {
  const settings = readQuizSettings(quiz as unknown as Record<string, unknown>);
  const attempts = useMyQuizAttempts(disabled ? undefined : uid, courseId, quiz.id);
  const [attempt, setAttempt] = useState<StartQuizAttemptResponse | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<SubmitQuizResponse | null>(null);
  const start = useStartQuizAttempt();
  const submit = useSubmitQuiz();
  const { toast } = useToast();
  const answersRef = useRef(answers);
  answersRef.current = answers;

  const used = attempts.data?.length ?? 0;
  const open = attempts.data?.find(
    (a) => a.status === 'open' && (a.deadline == null || a.deadline.getTime() > Date.now() + clockOffsetMs),
  );
  const left = attemptsLeft(settings.attemptLimit, used);
  const best = Math.max(-1, ...(attempts.data ?? []).map((a) => a.score ?? -1));
  const correctness = new Map(result?.results.map((r) => [r.questionId, r.correct]));
  const questions = attempt?.questions ?? [];

  const begin = () => {
    setResult(null);
    setMissing([]);
    setAnswers({});
    submit.reset();
    start.mutate(
      { courseId, quizId: quiz.id },
      {
        onSuccess: (res) => {
          setClockOffsetMs(res.serverNow - Date.now());
          setAttempt(res);
        },
      },
    );
  };

  const send = (auto: boolean) => {
    if (!attempt || submit.isPending || result) return;
    submit.mutate(
      { courseId, quizId: quiz.id, attemptId: attempt.attemptId, answers: answersRef.current },
      {
        onSuccess: (res) => {
          setResult(res);
          toast({
            title: auto
              ? `Time is up: your answers were submitted (${res.score}%)`
              : res.passed
                ? `Passed with ${res.score}%`
                : `${res.score}% — not passed yet`,
            tone: res.passed ? 'success' : 'info',
          });
          if (res.courseCompleted)
            toast({ title: 'Course complete!', description: 'Congratulations on finishing.' });
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const notAnswered = unanswered(
      questions.map((q) => q.id),
      answers,
    );
    setMissing(notAnswered);
    if (notAnswered.length > 0) return;
    send(false);
  };

  const limits = [
    `${quiz.questions.length} ${quiz.questions.length === 1 ? 'question' : 'questions'}`,
    `pass with ${requiredScore}% or more`,
    plural(settings.attemptLimit, 'attempt'),
    settings.timeLimitMinutes ? `${settings.timeLimitMinutes} min per attempt` : null,
  ].filter(Boolean);

  return (
    <Card>
      <CardHeader
        title={`Quiz: ${quiz.title || 'Check your understanding'}`}
        description={limits.join(' · ')}
        actions={
          attempt && !result && attempt.deadline !== null ? (
            <Countdown
              deadline={attempt.deadline}
              clockOffsetMs={clockOffsetMs}
              onExpire={() => send(true)}
            />
          ) : null
        }
      />
      <CardBody>
        {!attempt ? (
          <div className="flex flex-col gap-3" data-testid="quiz-start">
            {attempts.isLoading ? (
              <p className="text-sm text-stone-600">Checking your attempts…</p>
            ) : left === 0 && !open ? (
              <Alert tone="info" title="No attempts left">
                You have used all {plural(settings.attemptLimit, 'attempt')} at this quiz
                {best >= 0 ? `; your best score is ${best}%.` : '.'}
              </Alert>
            ) : (
              <>
                <p className="text-sm text-stone-700" data-testid="quiz-attempts-left">
                  {open
                    ? `You have an attempt in progress (attempt ${open.number} of ${settings.attemptLimit}).`
                    : `${plural(left, 'attempt')} left of ${settings.attemptLimit}.`}
                  {best >= 0 ? ` Best score so far: ${best}%.` : ''}
                  {settings.timeLimitMinutes && !open
                    ? ` The timer starts when you start: ${plural(settings.timeLimitMinutes, 'minute')}.`
                    : ''}
                </p>
                <div>
                  <Button onClick={begin} loading={start.isPending} disabled={disabled}>
                    {open ? 'Resume quiz' : used > 0 ? 'Start next attempt' : 'Start quiz'}
                  </Button>
                </div>
              </>
            )}
            {start.error ? <Alert tone="error">{friendlyError(start.error)}</Alert> : null}
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
            <p className="text-sm text-stone-600">
              Attempt {attempt.attemptNumber} of {attempt.attemptLimit}
            </p>
            <ol className="flex flex-col gap-5">
              {questions.map((q, index) => {
                const multiple = q.type === 'multiple';
                const mark = correctness.get(q.id);
                const isMissing = missing.includes(q.id);
                return (
                  <li key={q.id}>
                    <fieldset
                      className={cn(
                        'rounded-xl p-4 ring-1',
                        mark === true
                          ? 'bg-emerald-50 ring-emerald-200'
                          : mark === false
                            ? 'bg-red-50 ring-red-200'
                            : 'ring-stone-200',
                      )}
                    >
                      <legend className="sr-only">
                        Question {index + 1}: {q.prompt}
                      </legend>
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <p aria-hidden="true" className="font-medium text-stone-900">
                          {index + 1}. {q.prompt}
                        </p>
                        {mark === true ? <Badge tone="success">Correct</Badge> : null}
                        {mark === false ? <Badge tone="danger">Incorrect</Badge> : null}
                      </div>
                      {multiple ? (
                        <p className="mt-1 text-sm text-stone-600">Choose all that apply.</p>
                      ) : null}
                      <div className="mt-3 flex flex-col gap-2">
                        {q.options.map((option, i) => (
                          <label
                            // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their position
                            key={i}
                            className="flex cursor-pointer items-start gap-2 rounded-lg px-2 py-1.5 hover:bg-stone-50"
                          >
                            <input
                              type={multiple ? 'checkbox' : 'radio'}
                              name={`${quiz.id}-${q.id}`}
                              checked={answers[q.id]?.includes(i) ?? false}
                              disabled={result !== null || submit.isPending}
                              onChange={() =>
                                setAnswers((prev) => ({
                                  ...prev,
                                  [q.id]: chooseOption(prev[q.id] ?? [], i, multiple),
                                }))
                              }
                              className="mt-1 size-4 accent-brand-600"
                            />
                            <span className="text-stone-800">{option}</span>
                          </label>
                        ))}
                      </div>
                      {isMissing ? (
                        <p className="mt-2 text-sm font-medium text-red-700">
                          Choose an answer for this question.
                        </p>
                      ) : null}
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <div aria-live="polite" data-testid="quiz-result">
              {result ? (
                <Alert
                  tone={result.passed ? 'success' : 'warning'}
                  title={result.passed ? `You passed with ${result.score}%` : `You scored ${result.score}%`}
                >
                  {result.feedbackShown
                    ? `${result.results.filter((r) => r.correct).length} of ${result.results.length} correct. `
                    : settings.showCorrectness === 'never'
                      ? 'This quiz shows your score only. '
                      : 'Which answers were right is shown once you pass or on your last attempt. '}
                  {result.passed ? '' : `You need ${result.passingScore}% to pass. `}
                  {result.attemptsLeft > 0
                    ? `${plural(result.attemptsLeft, 'attempt')} left.`
                    : 'You have no attempts left.'}
                </Alert>
              ) : null}
            </div>
            {missing.length > 0 ? (
              <Alert tone="error">Answer every question before you submit ({missing.length} left).</Alert>
            ) : null}
            {submit.error ? <Alert tone="error">{friendlyError(submit.error)}</Alert> : null}
            <div className="flex gap-2">
              {result || submit.error ? (
                result && result.attemptsLeft === 0 ? null : (
                  <Button
                    onClick={() => {
                      setAttempt(null);
                      setResult(null);
                      submit.reset();
                    }}
                    variant={result?.passed ? 'secondary' : 'primary'}
                  >
                    {result?.passed ? 'Back to the quiz' : 'Try again'}
                  </Button>
                )
              ) : (
                <Button type="submit" loading={submit.isPending} disabled={disabled}>
                  Submit answers
                </Button>
              )}
            </div>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
