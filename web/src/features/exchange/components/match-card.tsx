import type { ExchangeMatch } from '@skillverse/domain/models';
import { explainMatchReasons, MATCH_WEIGHTS } from '@skillverse/domain/skills';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { endorsementNotes } from '../utils/endorsements';
import { formatMinutes } from '../utils/labels';

function why(match: ExchangeMatch): { label: string; points: number; max: number; note: string }[] {
  const b = match.breakdown;
  const endorsed = endorsementNotes(match);
  const close = (match.reasons ?? []).some((r) => r.kind === 'similar');
  const base =
    match.theyOffer.length && match.theyWant.length
      ? 'They teach what you want and want what you teach'
      : match.theyOffer.length
        ? 'They teach what you want'
        : 'They want what you teach';
  // A close skill (not the same one) earns its similarity's share of the points (SPEC §5.3).
  const skills = close ? `${base} (a close skill earns part of the points)` : base;
  return [
    {
      label: 'Skills',
      points: b.skills,
      max: MATCH_WEIGHTS.skills,
      note: endorsed.length ? `${skills}; ${endorsed.join(', ')}` : skills,
    },
    {
      label: 'Rating',
      points: b.rating,
      max: MATCH_WEIGHTS.rating,
      note: 'Average rating from past exchanges',
    },
    {
      label: 'Experience',
      points: b.experience,
      max: MATCH_WEIGHTS.experience,
      note: '3 points per completed exchange',
    },
    {
      label: 'Availability',
      points: b.availability,
      max: MATCH_WEIGHTS.availability,
      note:
        b.overlapMinutes === null
          ? 'One of you has not shared availability'
          : `${formatMinutes(b.overlapMinutes)} a week when you are both free`,
    },
    {
      label: 'Responsiveness',
      points: b.responsiveness,
      max: MATCH_WEIGHTS.responsiveness,
      note: b.responsivenessMeasured
        ? 'Share of requests they answered'
        : 'No requests received yet, so a neutral score',
    },
  ];
}

/** One ranked match: who, the score, what they teach and want, and why the score. */
export function MatchCard({
  match,
  onRequest,
  disabled,
}: {
  match: ExchangeMatch;
  onRequest: (match: ExchangeMatch) => void;
  disabled?: boolean;
}) {
  return (
    <Card className="flex flex-col gap-3 p-4" data-testid="match-card">
      <div className="flex items-start gap-3">
        <Avatar name={match.displayName} src={match.photoURL} size="md" />
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-semibold text-stone-900">
            <Link to={paths.publicProfile.href(match.uid)} className="hover:underline">
              {match.displayName}
            </Link>
          </h3>
          {match.headline ? <p className="truncate text-sm text-stone-600">{match.headline}</p> : null}
        </div>
        <p className="text-right">
          <span className="sr-only">Match score </span>
          <span className="text-2xl font-bold text-brand-700">{match.score}</span>
          <span className="text-sm text-stone-600">/100</span>
        </p>
      </div>
      <dl className="grid gap-1 text-sm">
        {match.theyOffer.length > 0 ? (
          <div className="flex flex-wrap items-center gap-1.5">
            <dt className="text-stone-600">Teaches you:</dt>
            {match.theyOffer.map((s) => (
              <dd key={s}>
                <Badge tone="success">{s}</Badge>
              </dd>
            ))}
          </div>
        ) : null}
        {match.theyWant.length > 0 ? (
          <div className="flex flex-wrap items-center gap-1.5">
            <dt className="text-stone-600">Wants to learn:</dt>
            {match.theyWant.map((s) => (
              <dd key={s}>
                <Badge tone="brand">{s}</Badge>
              </dd>
            ))}
          </div>
        ) : null}
      </dl>
      {explainMatchReasons(match.reasons).length > 0 ? (
        <ul className="flex flex-col gap-0.5 text-sm break-words text-stone-700" data-testid="match-reasons">
          {explainMatchReasons(match.reasons).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {endorsementNotes(match).length > 0 ? (
        <p className="text-sm text-stone-700" data-testid="match-endorsements">
          <span aria-hidden="true">✓ </span>
          {endorsementNotes(match).join(' · ')}
        </p>
      ) : null}
      <details className="rounded-lg bg-stone-50 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-stone-800">Why this match</summary>
        <ul className="mt-2 flex flex-col gap-1.5">
          {why(match).map((row) => (
            <li key={row.label} className="flex items-baseline justify-between gap-3">
              <span>
                <span className="font-medium text-stone-900">{row.label}</span>{' '}
                <span className="text-stone-600">— {row.note}</span>
              </span>
              <span className="shrink-0 tabular-nums text-stone-800">
                {row.points}/{row.max}
              </span>
            </li>
          ))}
        </ul>
      </details>
      {/* One line at any width: a long name is cut with an ellipsis, and the full label stays the
          button's accessible name and its tooltip. */}
      <Button
        size="sm"
        onClick={() => onRequest(match)}
        disabled={disabled}
        aria-label={`Request exchange with ${match.displayName}`}
        title={`Request exchange with ${match.displayName}`}
        className="w-full min-w-0"
        data-testid="request-exchange"
      >
        <span className="min-w-0 truncate">Request exchange with {match.displayName}</span>
      </Button>
    </Card>
  );
}
