import type { SubmitQuizResponse } from '@skillverse/domain/courses-api';
import type { Quiz } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { useSubmitQuiz } from '../api/submit-quiz';
import { chooseOption, unanswered } from '../utils/player';

/** Take a quiz: answers go to submitQuiz, which grades on the server; shows score and per-question marks. */
export function QuizRunner({
  courseId,
  quiz,
  requiredScore,
  disabled,
}: {
  courseId: string;
  quiz: Quiz;
  requiredScore: number;
  disabled?: boolean;
}) {
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<SubmitQuizResponse | null>(null);
  const submit = useSubmitQuiz();
  const { toast } = useToast();
  const correctness = new Map(result?.results.map((r) => [r.questionId, r.correct]));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const open = unanswered(
      quiz.questions.map((q) => q.id),
      answers,
    );
    setMissing(open);
    if (open.length > 0) return;
    submit.mutate(
      { courseId, quizId: quiz.id, answers },
      {
        onSuccess: (res) => {
          setResult(res);
          toast({
            title: res.passed ? `Passed with ${res.score}%` : `${res.score}% — not passed yet`,
            tone: res.passed ? 'success' : 'info',
          });
          if (res.courseCompleted)
            toast({ title: 'Course complete!', description: 'Congratulations on finishing.' });
        },
      },
    );
  };

  const retry = () => {
    setAnswers({});
    setResult(null);
    setMissing([]);
    submit.reset();
  };

  return (
    <Card>
      <CardHeader
        title={`Quiz: ${quiz.title || 'Check your understanding'}`}
        description={`${quiz.questions.length} ${quiz.questions.length === 1 ? 'question' : 'questions'} · pass with ${requiredScore}% or more`}
      />
      <CardBody>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
          <ol className="flex flex-col gap-5">
            {quiz.questions.map((q, index) => {
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
                    {multiple ? <p className="mt-1 text-sm text-stone-600">Choose all that apply.</p> : null}
                    <div className="mt-3 flex flex-col gap-2">
                      {q.options.map((option, i) => (
                        <label
                          // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their index
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
          <div aria-live="polite">
            {result ? (
              <Alert
                tone={result.passed ? 'success' : 'warning'}
                title={result.passed ? `You passed with ${result.score}%` : `You scored ${result.score}%`}
              >
                {result.passed
                  ? `${result.results.filter((r) => r.correct).length} of ${result.results.length} correct.`
                  : `You need ${result.passingScore}% to pass. Review the lectures and try again.`}
              </Alert>
            ) : null}
          </div>
          {missing.length > 0 ? (
            <Alert tone="error">Answer every question before you submit ({missing.length} left).</Alert>
          ) : null}
          {submit.error ? <Alert tone="error">{friendlyError(submit.error)}</Alert> : null}
          <div className="flex gap-2">
            {result ? (
              <Button onClick={retry} variant={result.passed ? 'secondary' : 'primary'}>
                {result.passed ? 'Take it again' : 'Try again'}
              </Button>
            ) : (
              <Button type="submit" loading={submit.isPending} disabled={disabled}>
                Submit answers
              </Button>
            )}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
