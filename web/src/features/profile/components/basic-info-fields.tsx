import { Avatar } from '@/components/ui/avatar';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { FieldErrors } from '@/lib/forms';
import { PROFILE_LIMITS } from '../utils/profile-schema';
import { AvatarUpload } from './avatar-upload';
import { timeZoneOptions } from '../utils/timezones';

export interface BasicInfoValues {
  displayName: string;
  headline: string;
  bio: string;
  timezone: string;
  photoURL: string;
}

/** Display name, headline, bio, time zone and photo link. */
export function BasicInfoFields({
  values,
  errors,
  onChange,
  disabled,
}: {
  values: BasicInfoValues;
  errors: FieldErrors;
  // Method syntax: a setter for a wider form (with more keys) is accepted too.
  onChange<K extends keyof BasicInfoValues>(key: K, value: BasicInfoValues[K]): void;
  disabled?: boolean;
}) {
  return (
    <div className="flex flex-col gap-5">
      <Field
        label="Display name"
        hint="The name people see on your profile, in exchanges and on leaderboards."
        error={errors.displayName}
      >
        <Input
          name="displayName"
          autoComplete="name"
          maxLength={PROFILE_LIMITS.displayName}
          value={values.displayName}
          disabled={disabled}
          onChange={(e) => onChange('displayName', e.target.value)}
        />
      </Field>
      <Field
        label="Headline"
        optional
        hint="One line about you, e.g. “Backend developer learning to paint”."
        error={errors.headline}
      >
        <Input
          name="headline"
          maxLength={PROFILE_LIMITS.headline}
          value={values.headline}
          disabled={disabled}
          onChange={(e) => onChange('headline', e.target.value)}
        />
      </Field>
      <Field
        label="Bio"
        optional
        hint={`What you do, what you’re into, what you’d like to learn. ${values.bio.length}/${PROFILE_LIMITS.bio} characters.`}
        error={errors.bio}
      >
        <Textarea
          name="bio"
          rows={4}
          maxLength={PROFILE_LIMITS.bio}
          value={values.bio}
          disabled={disabled}
          onChange={(e) => onChange('bio', e.target.value)}
        />
      </Field>
      <Field
        label="Time zone"
        hint="Used for your availability, reminders and daily streaks."
        error={errors.timezone}
      >
        <Select
          name="timezone"
          value={values.timezone}
          disabled={disabled}
          onChange={(e) => onChange('timezone', e.target.value)}
        >
          {timeZoneOptions(values.timezone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-start gap-4">
        <Avatar
          name={values.displayName || '?'}
          src={values.photoURL.trim() || null}
          size="lg"
          className="mt-7"
        />
        <Field
          label="Photo URL"
          optional
          hint="A link to a square photo of you (https://…). Leave it empty to show your initials."
          error={errors.photoURL}
          className="flex-1"
        >
          <Input
            type="url"
            name="photoURL"
            inputMode="url"
            placeholder="https://"
            value={values.photoURL}
            disabled={disabled}
            onChange={(e) => onChange('photoURL', e.target.value)}
          />
        </Field>
      </div>
      <div className="sm:pl-20">
        <AvatarUpload disabled={disabled} onUploaded={(url) => onChange('photoURL', url)} />
      </div>
    </div>
  );
}
