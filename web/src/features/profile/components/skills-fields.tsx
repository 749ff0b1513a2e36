import type { Skill } from '@skillverse/domain/models';
import type { FieldErrors } from '@/lib/forms';
import { useSkillSuggestions } from '../api/get-skill-suggestions';
import { InterestsField } from './interests-field';
import { SkillListEditor } from './skill-list-editor';

export interface SkillsValues {
  skills: Skill[];
  offeredSkills: Skill[];
  desiredSkills: Skill[];
  interests: string[];
}

const SKILL_SUGGESTIONS_ID = 'skill-suggestions';

/** Skills you have, skills you offer, skills you want, and interests. */
export function SkillsFields({
  values,
  errors,
  onChange,
  disabled,
}: {
  values: SkillsValues;
  errors: FieldErrors;
  // Method syntax: a setter for a wider form (with more keys) is accepted too.
  onChange<K extends keyof SkillsValues>(key: K, value: SkillsValues[K]): void;
  disabled?: boolean;
}) {
  const suggestions = useSkillSuggestions();
  return (
    <div className="flex flex-col gap-8">
      {/* Skill names already used on the platform, offered by the browser as you type. */}
      <datalist id={SKILL_SUGGESTIONS_ID}>
        {(suggestions.data ?? []).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <SkillListEditor
        legend="Skills you have"
        description="What you already know, and how well."
        noun="skill you have"
        value={values.skills}
        onChange={(next) => onChange('skills', next)}
        errors={errors}
        errorPrefix="skills"
        suggestionsId={SKILL_SUGGESTIONS_ID}
        disabled={disabled}
      />
      <SkillListEditor
        legend="Skills you offer"
        description="What you’d be happy to teach someone in a skill exchange."
        noun="skill you offer"
        value={values.offeredSkills}
        onChange={(next) => onChange('offeredSkills', next)}
        errors={errors}
        errorPrefix="offeredSkills"
        suggestionsId={SKILL_SUGGESTIONS_ID}
        disabled={disabled}
      />
      <SkillListEditor
        legend="Skills you want"
        description="What you’d like to learn. We use this to suggest exchange partners and courses."
        noun="skill you want"
        levelLabel="Your level now"
        value={values.desiredSkills}
        onChange={(next) => onChange('desiredSkills', next)}
        errors={errors}
        errorPrefix="desiredSkills"
        suggestionsId={SKILL_SUGGESTIONS_ID}
        disabled={disabled}
      />
      <InterestsField
        value={values.interests}
        onChange={(next) => onChange('interests', next)}
        error={errors.interests ?? Object.entries(errors).find(([key]) => key.startsWith('interests.'))?.[1]}
        disabled={disabled}
      />
    </div>
  );
}
