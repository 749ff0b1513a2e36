import type { FirstGoal } from '@skillverse/domain/models';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { type FieldErrors, fieldErrors, focusFirstInvalid } from '@/lib/forms';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCompleteOnboarding } from '../api/complete-onboarding';
import { recordRememberedReferrer } from '../api/record-referrer';
import { profileInputSchema } from '../utils/profile-schema';
import { AvailabilityEditor } from '../components/availability-editor';
import { BasicInfoFields } from '../components/basic-info-fields';
import { GoalPicker } from '../components/goal-picker';
import { SkillsFields } from '../components/skills-fields';
import { type OnboardingFormState, profileToForm } from '../utils/profile-form';

const STEPS = [
  {
    title: 'Your profile',
    description: 'Tell people who you are. Only the display name is required.',
    schema: profileInputSchema.pick({
      displayName: true,
      headline: true,
      bio: true,
      timezone: true,
      photoURL: true,
    }),
  },
  {
    title: 'Your skills',
    description: 'What you know, what you could teach, and what you want to learn. You can add more later.',
    schema: profileInputSchema.pick({
      skills: true,
      offeredSkills: true,
      desiredSkills: true,
      interests: true,
    }),
  },
  {
    title: 'When you’re free',
    description: 'Your usual weekly availability helps match you with exchange partners. Optional.',
    schema: profileInputSchema.pick({ availability: true }),
  },
  {
    title: 'What do you want to do first?',
    description: 'We’ll take you straight there. You can do all three whenever you like.',
    schema: null,
  },
] as const;

const GOAL_DESTINATION: Record<FirstGoal, string> = {
  learn: paths.courses.href(),
  teach: paths.becomeEducator.href(),
  exchange: paths.skillExchange.href(),
};

export function OnboardingPage() {
  useDocumentTitle('Set up your profile');
  const { profile, canWrite } = useAuth();
  const user = useSignedInUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { toast } = useToast();
  const signUpName = (location.state as { displayName?: unknown } | null)?.displayName;
  const [values, setValues] = useState<OnboardingFormState>(() => ({
    ...profileToForm(profile!, (typeof signUpName === 'string' && signUpName) || user.displayName || ''),
    firstGoal: profile?.firstGoal ?? null,
  }));
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const attempted = useRef(new Set<number>());
  const formRef = useRef<HTMLFormElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const complete = useCompleteOnboarding(user.uid, profile);

  // Arrived through an invite link: record the referrer on the new profile right away (it is
  // tried again on Finish if this has not settled), so it survives an interrupted onboarding.
  const referrerTried = useRef(false);
  useEffect(() => {
    if (referrerTried.current || !profile || !canWrite) return;
    referrerTried.current = true;
    recordRememberedReferrer(user.uid, profile).catch((error: unknown) => {
      console.warn('Could not record who invited you yet', error);
    });
  }, [profile, canWrite, user.uid]);

  // After Next/Back, move focus to the new step's heading so it is announced.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    stepHeading.current?.focus();
  }, [step]);

  const current = STEPS[step]!;
  const last = step === STEPS.length - 1;

  function validateStep(index: number, next: OnboardingFormState): boolean {
    const schema = STEPS[index]?.schema;
    if (!schema) return true;
    const result = schema.safeParse(next);
    setErrors(result.success ? {} : fieldErrors(result.error));
    return result.success;
  }

  function change<K extends keyof OnboardingFormState>(key: K, value: OnboardingFormState[K]) {
    const next = { ...values, [key]: value };
    setValues(next);
    if (attempted.current.has(step)) validateStep(step, next);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    attempted.current.add(step);
    if (!validateStep(step, values)) return focusFirstInvalid(formRef.current);
    if (!last) {
      setStep(step + 1);
      return;
    }
    const parsed = profileInputSchema.safeParse(values);
    if (!parsed.success) {
      // A previous step became invalid (should not happen): go back to it.
      const errs = fieldErrors(parsed.error);
      const badStep = STEPS.findIndex((s) => s.schema && !s.schema.safeParse(values).success);
      setErrors(errs);
      setStep(Math.max(0, badStep));
      return;
    }
    const goal = values.firstGoal;
    complete.mutate(
      { ...parsed.data, firstGoal: goal },
      {
        onSuccess: () => {
          toast({ title: 'Your profile is ready', description: 'Welcome to SkillVerse!' });
          navigate(goal ? GOAL_DESTINATION[goal] : paths.dashboard.href(), { replace: true });
        },
      },
    );
  }

  return (
    <div className="w-full max-w-2xl">
      <h1 tabIndex={-1} className="text-center text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
        Set up your profile
      </h1>
      <p className="mt-1 text-center text-stone-600">Four short steps. Everything can be changed later.</p>

      <nav aria-label="Onboarding progress" className="mt-6">
        <p className="mb-2 text-center text-sm font-medium text-stone-700" aria-hidden="true">
          Step {step + 1} of {STEPS.length}
        </p>
        <ol className="grid grid-cols-4 gap-2">
          {STEPS.map((s, i) => (
            <li
              key={s.title}
              aria-current={i === step ? 'step' : undefined}
              className="flex flex-col gap-1.5"
            >
              <span
                className={cn('h-1.5 rounded-full', i <= step ? 'bg-brand-600' : 'bg-stone-200')}
                aria-hidden="true"
              />
              <span
                className={cn(
                  'hidden text-xs sm:block',
                  i === step ? 'font-semibold text-brand-800' : 'text-stone-600',
                )}
              >
                {s.title}
              </span>
              <span className="sr-only">
                {`Step ${i + 1} of ${STEPS.length}: ${s.title}${i < step ? ' (done)' : i === step ? ' (current)' : ''}`}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      <Card className="mt-6 px-5 py-6 sm:px-8">
        <form ref={formRef} noValidate onSubmit={onSubmit}>
          <h2 ref={stepHeading} tabIndex={-1} className="text-xl font-semibold text-stone-900 outline-none">
            <span className="sr-only">{`Step ${step + 1} of ${STEPS.length}: `}</span>
            {current.title}
          </h2>
          <p className="mt-1 mb-6 text-stone-600">{current.description}</p>

          {!canWrite ? (
            <Alert tone="warning" className="mb-6">
              Your account can’t be changed right now, so your profile can’t be saved.
            </Alert>
          ) : null}

          {step === 0 ? <BasicInfoFields values={values} errors={errors} onChange={change} /> : null}
          {step === 1 ? <SkillsFields values={values} errors={errors} onChange={change} /> : null}
          {step === 2 ? (
            <AvailabilityEditor
              value={values.availability}
              onChange={(next) => change('availability', next)}
              errors={errors}
              timezone={values.timezone}
            />
          ) : null}
          {step === 3 ? (
            <GoalPicker value={values.firstGoal} onChange={(goal) => change('firstGoal', goal)} />
          ) : null}

          {complete.error ? (
            <Alert tone="error" className="mt-6" title="We couldn’t save your profile">
              {friendlyError(complete.error)}
            </Alert>
          ) : null}

          <div className="mt-8 flex items-center justify-between gap-3 border-t border-stone-100 pt-5">
            {step > 0 ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setErrors({});
                  setStep(step - 1);
                }}
                disabled={complete.isPending}
              >
                Back
              </Button>
            ) : (
              <span />
            )}
            {last ? (
              <Button type="submit" loading={complete.isPending} disabled={!canWrite}>
                Finish
              </Button>
            ) : (
              <Button type="submit">Next</Button>
            )}
          </div>
        </form>
      </Card>
    </div>
  );
}
