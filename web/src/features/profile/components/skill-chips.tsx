import type { Skill } from '@skillverse/domain/models';
import { normaliseSkill } from '@skillverse/domain/skills';
import { SKILL_LEVEL_LABELS } from '../utils/labels';

/** Skills as chips: name, level and, when given, how many people endorsed each. */
export function SkillChips({
  skills,
  empty,
  endorsements,
}: {
  skills: Skill[];
  empty: string;
  endorsements?: Readonly<Record<string, number>>;
}) {
  if (skills.length === 0) return <p className="text-sm text-stone-600">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-2">
      {skills.map((skill) => {
        const endorsed = endorsements?.[normaliseSkill(skill.name)] ?? 0;
        return (
          <li
            key={skill.name}
            className="inline-flex flex-wrap items-center gap-x-2 rounded-full bg-white px-3 py-1 text-sm text-stone-800 ring-1 ring-stone-200"
          >
            <span className="font-medium">{skill.name}</span>
            <span className="whitespace-nowrap text-stone-600">· {SKILL_LEVEL_LABELS[skill.level]}</span>
            {endorsed > 0 ? (
              <span className="whitespace-nowrap text-brand-700">
                · {endorsed} {endorsed === 1 ? 'endorsement' : 'endorsements'}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
