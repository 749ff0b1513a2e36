import { Field } from '@/components/ui/field';
import { TagInput } from '@/components/ui/tag-input';
import { PROFILE_LIMITS } from '../utils/profile-schema';

export function InterestsField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <Field
      label="Interests"
      optional
      hint="Topics you’d like to hear about. Type one and press Enter; press Backspace in the empty box to remove the last."
      error={error}
    >
      <TagInput
        value={value}
        onChange={onChange}
        max={PROFILE_LIMITS.interests}
        maxLength={PROFILE_LIMITS.interest}
        placeholder="e.g. Photography"
        disabled={disabled}
      />
    </Field>
  );
}
