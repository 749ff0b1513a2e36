import { type BadgeId, badgeById } from '@skillverse/domain/gamification';
import { Icon, type IconName } from '@/components/icon';
import { cn } from '@/lib/cn';

export const BADGE_ICONS: Record<BadgeId, IconName> = {
  'first-course': 'graduation',
  'streak-7': 'flame',
  bookworm: 'book',
  'skill-sharer': 'swap',
  'top-rated': 'star',
  'course-creator': 'wrench',
  'quiz-master': 'target',
};

/** The badges someone has earned, with icon, name and what it was for. */
export function BadgeList({ badgeIds, className }: { badgeIds: string[]; className?: string }) {
  const badges = badgeIds
    .map((id) => badgeById(id))
    .filter((b) => b !== undefined)
    .sort((a, b) => a.order - b.order);
  return (
    <ul className={cn('grid gap-3 sm:grid-cols-2', className)}>
      {badges.map((badge) => (
        <li
          key={badge.id}
          className="flex items-start gap-3 rounded-xl border border-amber-200 bg-amber-50/60 p-3"
        >
          <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-800">
            <Icon name={BADGE_ICONS[badge.id]} />
          </span>
          <span className="min-w-0">
            <span className="block font-semibold text-stone-900">{badge.name}</span>
            <span className="block text-sm text-stone-700">{badge.description}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
