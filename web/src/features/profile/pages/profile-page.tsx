import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { focusFirstInvalid, useZodForm } from '@/lib/forms';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUpdateProfile } from '../api/update-profile';
import { profileInputSchema } from '../utils/profile-schema';
import { AvailabilityEditor } from '../components/availability-editor';
import { BasicInfoFields } from '../components/basic-info-fields';
import { SkillsFields } from '../components/skills-fields';
import { type ProfileFormState, profileToForm } from '../utils/profile-form';

/** Edit your profile: the same fields as onboarding, in sections, saved together. */
export function ProfilePage() {
  useDocumentTitle('Your profile');
  const { profile, canWrite } = useAuth();
  const user = useSignedInUser();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState<ProfileFormState>(() => profileToForm(profile!));
  const form = useZodForm(profileInputSchema, saved);
  const update = useUpdateProfile(user.uid);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(saved);
  const errorCount = Object.keys(form.errors).length;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = form.validate();
    if (!parsed) return focusFirstInvalid(formRef.current);
    const snapshot = form.values;
    update.mutate(parsed, {
      onSuccess: () => {
        setSaved(snapshot);
        toast({ title: 'Profile saved' });
      },
    });
  }

  const status = update.isPending
    ? 'Saving…'
    : dirty
      ? 'You have unsaved changes.'
      : update.isSuccess
        ? 'All changes saved.'
        : 'No changes yet.';

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Your profile"
        description="This is what other people see on your public profile and when you’re matched for an exchange."
        actions={
          <ButtonLink to={paths.publicProfile.href(user.uid)} variant="secondary" size="sm">
            View public profile
          </ButtonLink>
        }
      />
      {!canWrite ? (
        <Alert tone="warning" className="mb-6">
          Your account can’t be changed right now, so profile edits are turned off.
        </Alert>
      ) : null}
      <form ref={formRef} noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
        <Card>
          <CardHeader title="About you" />
          <CardBody>
            <BasicInfoFields
              values={form.values}
              errors={form.errors}
              onChange={form.set}
              disabled={!canWrite}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Skills and interests" />
          <CardBody>
            <SkillsFields
              values={form.values}
              errors={form.errors}
              onChange={form.set}
              disabled={!canWrite}
            />
          </CardBody>
        </Card>
        <Card>
          <CardBody className="py-5">
            <AvailabilityEditor
              value={form.values.availability}
              onChange={(next) => form.set('availability', next)}
              errors={form.errors}
              timezone={form.values.timezone}
              disabled={!canWrite}
            />
          </CardBody>
        </Card>

        {update.error ? (
          <Alert tone="error" title="Your changes weren’t saved">
            {friendlyError(update.error)}
          </Alert>
        ) : null}
        {errorCount > 0 ? (
          <Alert tone="error">
            {errorCount === 1 ? 'One field needs attention' : `${errorCount} fields need attention`} before
            you can save.
          </Alert>
        ) : null}

        <div className="sticky bottom-0 z-10 -mx-3 flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 bg-stone-50/95 px-3 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:bg-white/95 sm:px-4">
          <p className="text-sm text-stone-700" aria-live="polite">
            {status}
          </p>
          <div className="flex gap-2">
            <Button
              variant="ghost"
              disabled={!dirty || update.isPending}
              onClick={() => {
                form.reset(saved);
                update.reset();
              }}
            >
              Discard changes
            </Button>
            <Button
              type="submit"
              loading={update.isPending}
              disabled={!canWrite || (!dirty && !update.isError)}
            >
              Save changes
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
