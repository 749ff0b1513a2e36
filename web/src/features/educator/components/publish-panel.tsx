import type { CourseStatus, Lecture } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import type { CourseDoc } from '@/lib/data/courses';
import { fieldErrors, type FieldErrors } from '@/lib/forms';
import { useSetCourseStatus, useUpdateCertificateRule } from '../api/save-course';
import { certificateRuleSchema, submissionProblems } from '../utils/course-schema';

export const STATUS_TEXT: Record<CourseStatus, string> = {
  draft: 'Draft: only you can see it.',
  pending: 'Waiting for review by an admin.',
  published: 'Published: learners can find and enrol in it.',
  rejected: 'Rejected: change it and submit it again.',
  archived: 'Archived: hidden from the catalogue.',
};

/** The certificate rule and the review step (draft or rejected → pending; pending → draft). */
export function PublishPanel({
  course,
  lectures,
  disabled,
}: {
  course: CourseDoc;
  lectures: Lecture[];
  disabled: boolean;
}) {
  const [enabled, setEnabled] = useState(course.certificate.enabled);
  const [score, setScore] = useState(String(course.certificate.passingScore));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const rule = useUpdateCertificateRule(course.id);
  const status = useSetCourseStatus(course.id);
  const { toast } = useToast();
  // The rules fix a live course's certificate rule: it is what its learners enrolled for.
  const ruleLocked = course.status === 'published' || course.status === 'archived';

  const saveRule = (event: FormEvent) => {
    event.preventDefault();
    const parsed = certificateRuleSchema.safeParse({ enabled, passingScore: score });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    rule.mutate(parsed.data, {
      onSuccess: () => toast({ title: 'Certificate rule saved' }),
      onError: (error) =>
        toast({ title: 'We couldn’t save it', description: friendlyError(error), tone: 'error' }),
    });
  };

  const submitForReview = () => {
    const list = submissionProblems({ ...course, lectures });
    setProblems(list);
    if (list.length > 0) return;
    status.mutate('pending', {
      onSuccess: () =>
        toast({
          title: 'Submitted for review',
          description: 'An admin will publish it or tell you what to change.',
        }),
      onError: (error) =>
        toast({ title: 'We couldn’t submit it', description: friendlyError(error), tone: 'error' }),
    });
  };

  return (
    <div className="flex flex-col gap-5">
      <Card>
        <CardHeader
          title="Certificate"
          description="Learners who finish get a certificate anyone can verify."
        />
        <CardBody>
          {ruleLocked ? (
            <p className="mb-4 text-sm text-stone-600">
              This course is live, so its certificate rule is fixed: it is what your learners enrolled for.
            </p>
          ) : null}
          <form onSubmit={saveRule} noValidate className="flex flex-col gap-4">
            <label className="flex items-center gap-2 text-sm font-medium text-stone-800">
              <input
                type="checkbox"
                checked={enabled}
                onChange={(e) => setEnabled(e.target.checked)}
                disabled={ruleLocked}
                className="size-4 accent-brand-600"
              />
              Award a certificate on completion
            </label>
            <Field
              label="Quiz score needed for the certificate (%)"
              error={errors.passingScore}
              hint="When the course has a quiz, learners must reach this score (or the quiz’s own pass mark, whichever is higher)."
              className="max-w-sm"
            >
              <Input
                type="number"
                min={0}
                max={100}
                value={score}
                onChange={(e) => setScore(e.target.value)}
                disabled={!enabled || ruleLocked}
              />
            </Field>
            <div>
              <Button
                type="submit"
                variant="secondary"
                loading={rule.isPending}
                disabled={disabled || ruleLocked}
              >
                Save certificate rule
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Review and publishing" description={STATUS_TEXT[course.status]} />
        <CardBody className="flex flex-col gap-4">
          {problems.length > 0 ? (
            <Alert tone="error" title="Before you submit:">
              <ul className="list-disc pl-5">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {course.status === 'draft' || course.status === 'rejected' ? (
            <div>
              <Button onClick={submitForReview} loading={status.isPending} disabled={disabled}>
                Submit for review
              </Button>
            </div>
          ) : course.status === 'pending' ? (
            <div>
              <Button
                variant="secondary"
                onClick={() =>
                  status.mutate('draft', { onSuccess: () => toast({ title: 'Moved back to draft' }) })
                }
                loading={status.isPending}
                disabled={disabled}
              >
                Withdraw from review
              </Button>
            </div>
          ) : course.status === 'published' ? (
            <p className="text-sm text-stone-700">
              Changes you save now are visible to learners straight away.
            </p>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
