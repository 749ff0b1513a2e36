import { EXCHANGE_FREQUENCIES } from '@skillverse/domain/models';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import type { ExchangeDoc } from '@/lib/data/exchanges';
import { friendlyError } from '@/lib/errors';
import { useZodForm } from '@/lib/forms';
import { termsSchema, useAcceptTerms, useProposeTerms } from '../api/agree-terms';

/** The terms both people agree before the exchange starts: view, propose, accept. */
export function TermsPanel({
  exchange,
  me,
  otherName,
  canWrite,
}: {
  exchange: ExchangeDoc;
  me: string;
  otherName: string;
  canWrite: boolean;
}) {
  const { toast } = useToast();
  const propose = useProposeTerms();
  const accept = useAcceptTerms();
  const editable = exchange.status === 'pending' || exchange.status === 'accepted';
  const [editing, setEditing] = useState(false);
  const t = exchange.terms;
  const form = useZodForm(termsSchema, {
    commitmentHours: String(t?.commitmentHours ?? 10) as unknown,
    frequency: t?.frequency ?? 'weekly',
    cancellationPolicy: t?.cancellationPolicy ?? 'Reschedule with at least 24 hours notice.',
    notes: t?.notes ?? '',
  });
  const iAccepted = exchange.termsAcceptedBy.includes(me);
  const theyAccepted = exchange.termsAcceptedBy.some((u) => u !== me);

  const submit = () => {
    const terms = form.validate();
    if (!terms) return;
    propose.mutate(
      { exchangeId: exchange.id, uid: me, terms },
      {
        onSuccess: () => {
          setEditing(false);
          toast({ title: 'Terms proposed', description: `${otherName} can now accept them.` });
        },
        onError: (error) =>
          toast({ title: 'Couldn’t propose the terms', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <Card>
      <CardHeader
        title="Terms"
        description={
          editable
            ? 'Agree how much time you commit, how often you meet and how to cancel. The exchange starts once you both accept.'
            : undefined
        }
      />
      <CardBody className="flex flex-col gap-4">
        {t && !editing ? (
          <>
            <dl className="grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-stone-600">Commitment</dt>
                <dd className="font-medium text-stone-900">{t.commitmentHours} hours</dd>
              </div>
              <div>
                <dt className="text-stone-600">Frequency</dt>
                <dd className="font-medium text-stone-900">{t.frequency}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-stone-600">Cancellation policy</dt>
                <dd className="text-stone-900">{t.cancellationPolicy}</dd>
              </div>
              {t.notes ? (
                <div className="sm:col-span-2">
                  <dt className="text-stone-600">Notes</dt>
                  <dd className="whitespace-pre-line text-stone-900">{t.notes}</dd>
                </div>
              ) : null}
            </dl>
            <div className="flex flex-wrap gap-2 text-sm">
              <Badge tone={iAccepted ? 'success' : 'neutral'}>
                {iAccepted ? 'You accepted' : 'You have not accepted'}
              </Badge>
              <Badge tone={theyAccepted ? 'success' : 'neutral'}>
                {theyAccepted ? `${otherName} accepted` : `${otherName} has not accepted`}
              </Badge>
            </div>
          </>
        ) : !t && !editing ? (
          <p className="text-sm text-stone-600">No terms proposed yet.</p>
        ) : null}

        {editing ? (
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Commitment (hours in total)" error={form.errors.commitmentHours}>
                <Input
                  type="number"
                  min={1}
                  max={1000}
                  value={String(form.values.commitmentHours)}
                  onChange={(e) => form.set('commitmentHours', e.target.value)}
                />
              </Field>
              <Field label="Frequency" error={form.errors.frequency}>
                <Select value={form.values.frequency} onChange={(e) => form.set('frequency', e.target.value)}>
                  {EXCHANGE_FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label="Cancellation policy" error={form.errors.cancellationPolicy}>
              <Textarea
                rows={2}
                maxLength={2000}
                value={form.values.cancellationPolicy}
                onChange={(e) => form.set('cancellationPolicy', e.target.value)}
              />
            </Field>
            <Field label="Notes" optional error={form.errors.notes}>
              <Textarea
                rows={2}
                maxLength={2000}
                value={form.values.notes}
                onChange={(e) => form.set('notes', e.target.value)}
              />
            </Field>
            <div className="flex gap-2">
              <Button type="submit" loading={propose.isPending}>
                Propose these terms
              </Button>
              <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : editable ? (
          <div className="flex flex-wrap gap-2">
            {t && !iAccepted ? (
              <Button
                loading={accept.isPending}
                disabled={!canWrite}
                onClick={() =>
                  accept.mutate(
                    { exchangeId: exchange.id, uid: me },
                    {
                      onSuccess: (state) =>
                        toast({
                          title:
                            state === 'active' ? 'Terms agreed — the exchange has started' : 'Terms accepted',
                          description:
                            state === 'active' ? undefined : `Waiting for ${otherName} to accept them too.`,
                        }),
                      onError: (error) =>
                        toast({
                          title: 'Couldn’t accept the terms',
                          description: friendlyError(error),
                          tone: 'error',
                        }),
                    },
                  )
                }
              >
                Accept terms
              </Button>
            ) : null}
            <Button variant="secondary" disabled={!canWrite} onClick={() => setEditing(true)}>
              {t ? 'Propose changes' : 'Propose terms'}
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
