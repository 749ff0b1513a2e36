import type { ExchangeMilestone } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useToast } from '@/components/ui/toast';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { friendlyError } from '@/lib/errors';
import { MAX_MILESTONES, milestoneTitleSchema, useUpdateMilestones } from '../api/update-milestones';

/** Progress milestones both people tick off. */
export function MilestonesPanel({ exchange, canWrite }: { exchange: ExchangeDoc; canWrite: boolean }) {
  const { toast } = useToast();
  const update = useUpdateMilestones();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const editable = (exchange.status === 'accepted' || exchange.status === 'active') && canWrite;
  const items = exchange.milestones;
  const done = items.filter((m) => m.done).length;

  const save = (milestones: ExchangeMilestone[]) =>
    update.mutate(
      { exchangeId: exchange.id, milestones },
      {
        onError: (e) =>
          toast({ title: 'Couldn’t save the milestones', description: friendlyError(e), tone: 'error' }),
      },
    );

  const add = (e: FormEvent) => {
    e.preventDefault();
    const parsed = milestoneTitleSchema.safeParse(title);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    setTitle('');
    save([...items, { id: crypto.randomUUID().slice(0, 8), title: parsed.data, done: false }]);
  };

  return (
    <Card>
      <CardHeader
        title="Progress milestones"
        description={items.length ? `${done} of ${items.length} reached` : undefined}
      />
      <CardBody className="flex flex-col gap-3">
        {items.length > 0 ? (
          <>
            <ProgressBar value={items.length ? done / items.length : 0} label="Milestones reached" />
            <ul className="flex flex-col gap-1.5">
              {items.map((m) => (
                <li key={m.id}>
                  <label className="flex items-center gap-2 text-sm text-stone-900">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-700"
                      checked={m.done}
                      disabled={!editable}
                      onChange={() => save(items.map((x) => (x.id === m.id ? { ...x, done: !x.done } : x)))}
                    />
                    <span className={m.done ? 'text-stone-600 line-through' : ''}>{m.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-stone-600">
            Set goals such as “play three chords” or “clean a CSV file”.
          </p>
        )}
        {editable && items.length < MAX_MILESTONES ? (
          <form onSubmit={add} className="flex items-end gap-2">
            <Field label="New milestone" className="flex-1" error={error}>
              <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
            </Field>
            <Button type="submit" variant="secondary" className={error ? 'mb-6' : ''}>
              Add
            </Button>
          </form>
        ) : null}
      </CardBody>
    </Card>
  );
}
