import type { ReactNode } from 'react';
import { Icon, type IconName } from '@/components/icon';
import { Card } from '@/components/ui/card';

export function StatTile({
  label,
  value,
  hint,
  icon,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  icon: IconName;
}) {
  return (
    <Card className="p-4">
      <dt className="flex items-center gap-2 text-sm font-medium text-stone-600">
        <Icon name={icon} className="size-4 text-brand-700" />
        {label}
      </dt>
      <dd className="mt-1">
        <span className="text-2xl font-bold tracking-tight text-stone-900">{value}</span>
        {hint ? <span className="mt-0.5 block text-xs text-stone-600">{hint}</span> : null}
      </dd>
    </Card>
  );
}
