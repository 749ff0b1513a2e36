import type { Skill } from '@skillverse/domain/models';
import { SKILL_LEVEL_LABELS } from '../utils/labels';

/** Skills as chips: name and level. */
export function SkillChips({ skills, empty }: { skills: Skill[]; empty: string }) {
  if (skills.length === 0) return <p className="text-sm text-stone-600">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-2">
      {skills.map((skill) => (
        <li
          key={skill.name}
          className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm text-stone-800 ring-1 ring-stone-200"
        >
          <span className="font-medium">{skill.name}</span>
          <span className="text-stone-600">· {SKILL_LEVEL_LABELS[skill.level]}</span>
        </li>
      ))}
    </ul>
  );
}
