import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { EndorsedSkill } from '../utils/endorsements';

/** "Figma — 3 people · Ana, Bo and Cy endorsed it most recently". */
export function EndorsementList({ skills, empty }: { skills: EndorsedSkill[]; empty: string }) {
  if (skills.length === 0) return <p className="text-sm text-stone-600">{empty}</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Endorsed skills">
      {skills.map((s) => (
        <li key={s.key} className="text-sm" data-testid="endorsed-skill">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-semibold text-stone-900">{s.name}</span>{' '}
            <span className="text-stone-700">
              {s.count} {s.count === 1 ? 'endorsement' : 'endorsements'}
            </span>
          </p>
          {s.endorsers.length > 0 ? (
            <p className="mt-0.5 text-stone-600">
              {s.count > s.endorsers.length ? 'Most recently by ' : 'By '}
              {s.endorsers.map((e, i) => (
                <span key={e.uid}>
                  {i > 0 ? (i === s.endorsers.length - 1 ? ' and ' : ', ') : null}
                  <Link
                    to={paths.publicProfile.href(e.uid)}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {e.name}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
