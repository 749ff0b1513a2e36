import { exchangeActions } from '@skillverse/domain/skills';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import type { ExchangeDoc } from '@/lib/firestore/converters/exchange-converter';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useConfirmCompletion } from '../api/confirm-completion';
import { useExchange } from '../api/get-exchange';
import { useFeedback } from '../api/feedback';
import { useChangeExchangeStatus } from '../api/respond-to-exchange';
import { ChatPanel } from '../components/chat-panel';
import { usePartner } from '../components/exchange-list';
import { FeedbackPanel } from '../components/feedback-panel';
import { MilestonesPanel } from '../components/milestones-panel';
import { SessionsPanel } from '../components/sessions-panel';
import { TermsPanel } from '../components/terms-panel';
import { STATUS_LABELS, STATUS_TONES } from '../utils/labels';

function statusHelp(x: ExchangeDoc, me: string, otherName: string): string {
  switch (x.status) {
    case 'pending':
      return x.providerId === me
        ? `${otherName} asked to swap skills with you. Accept to agree terms, or decline.`
        : `Waiting for ${otherName} to accept or decline your request.`;
    case 'accepted':
      return 'Agree the terms: the exchange starts once you both accept them.';
    case 'active':
      return x.completedBy.includes(me)
        ? `You confirmed completion. Waiting for ${otherName} to confirm too.`
        : x.completedBy.length > 0
          ? `${otherName} confirmed the exchange is complete. Confirm when you agree.`
          : 'Schedule sessions, chat and track your progress. Confirm completion when you are both done.';
    case 'completed':
      return 'Exchange completed: you each earned 75 points. Rate each other and endorse skills.';
    case 'rejected':
      return 'This request was declined.';
    case 'cancelled':
      return 'This exchange was cancelled.';
  }
}

/** /skill-exchange/:id — the room both participants share. */
export function ExchangeRoomPage() {
  const { id = '' } = useParams();
  const { uid } = useSignedInUser();
  const { canWrite } = useAuth();
  const { toast } = useToast();
  const exchange = useExchange(id || undefined);
  const feedback = useFeedback(exchange.data ? id : undefined);
  const change = useChangeExchangeStatus();
  const confirm = useConfirmCompletion();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const x = exchange.data;
  const other = usePartner(x, uid);
  useDocumentTitle(other ? `Exchange with ${other.displayName}` : 'Skill exchange');

  if (exchange.isPending) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6" aria-busy="true">
        <h1 className="sr-only" tabIndex={-1}>
          Loading exchange…
        </h1>
        <Skeleton className="h-24" />
        <Skeleton className="mt-6 h-96" />
      </div>
    );
  }
  if (!x || !other) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
        <h1 tabIndex={-1} className="text-center text-2xl font-bold text-stone-900">
          Exchange not found
        </h1>
        <EmptyState
          className="mt-6"
          icon="swap"
          title="We can’t show this exchange"
          description={
            exchange.error
              ? friendlyError(exchange.error)
              : 'It doesn’t exist, or you are not one of its two participants.'
          }
          action={<ButtonLink to={paths.skillExchange.href()}>Back to skill exchange</ButtonLink>}
        />
      </div>
    );
  }

  const hasRated = (feedback.data ?? []).some((f) => f.uid === uid);
  const actions = exchangeActions(x, uid, hasRated);
  const iTeach = x.requesterId === uid ? x.offeredSkill : x.requestedSkill;
  const iLearn = x.requesterId === uid ? x.requestedSkill : x.offeredSkill;
  const fail = (title: string) => (error: unknown) =>
    toast({ title, description: friendlyError(error), tone: 'error' });

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="mb-3 text-sm">
        <Link to={paths.skillExchange.href()} className="text-brand-700 hover:underline">
          ← Skill exchange
        </Link>
      </p>
      <header className="flex flex-col gap-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center">
        <Avatar name={other.displayName} src={other.photoURL} size="lg" />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
              Exchange with {other.displayName}
            </h1>
            <Badge tone={STATUS_TONES[x.status]} data-testid="exchange-status">
              {STATUS_LABELS[x.status]}
            </Badge>
          </div>
          <p className="mt-1 text-stone-700">
            You teach <strong>{iTeach}</strong> · you learn <strong>{iLearn}</strong>
          </p>
          <p className="mt-1 text-sm text-stone-600">{statusHelp(x, uid, other.displayName)}</p>
          {x.message ? (
            <p className="mt-2 rounded-lg bg-stone-50 px-3 py-2 text-sm text-stone-700">
              <span className="font-medium">
                {x.requesterId === uid ? 'Your message' : `${other.displayName} wrote`}:
              </span>{' '}
              {x.message}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2 sm:flex-col">
          {actions.includes('accept') ? (
            <Button
              loading={change.isPending && change.variables?.status === 'accepted'}
              disabled={!canWrite}
              onClick={() =>
                change.mutate(
                  { exchangeId: x.id, status: 'accepted' },
                  { onError: fail('Couldn’t accept the request') },
                )
              }
            >
              Accept request
            </Button>
          ) : null}
          {actions.includes('reject') ? (
            <Button
              variant="secondary"
              disabled={!canWrite}
              onClick={() =>
                change.mutate(
                  { exchangeId: x.id, status: 'rejected' },
                  { onError: fail('Couldn’t decline the request') },
                )
              }
            >
              Decline
            </Button>
          ) : null}
          {actions.includes('confirm-completion') ? (
            <Button
              loading={confirm.isPending}
              disabled={!canWrite}
              onClick={() =>
                confirm.mutate(
                  { exchangeId: x.id, uid },
                  {
                    onSuccess: (state) =>
                      toast({
                        title:
                          state === 'completed'
                            ? 'Exchange completed — 75 points each!'
                            : 'Completion confirmed',
                      }),
                    onError: fail('Couldn’t confirm completion'),
                  },
                )
              }
            >
              Confirm completion
            </Button>
          ) : null}
          {actions.includes('cancel') ? (
            <Button variant="ghost" disabled={!canWrite} onClick={() => setConfirmCancel(true)}>
              {x.status === 'pending' ? 'Withdraw request' : 'Cancel exchange'}
            </Button>
          ) : null}
        </div>
      </header>

      {!canWrite ? (
        <Alert tone="warning" className="mt-4">
          Your account can’t make changes right now.
        </Alert>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_26rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <ChatPanel exchange={x} me={uid} otherName={other.displayName} canWrite={canWrite} />
        </div>
        <div className="flex flex-col gap-6">
          {x.status === 'completed' ? (
            <FeedbackPanel
              exchange={x}
              me={uid}
              otherName={other.displayName}
              theirSkills={[iLearn]}
              feedback={feedback.data ?? []}
              canWrite={canWrite}
            />
          ) : null}
          {['pending', 'accepted', 'active', 'completed'].includes(x.status) ? (
            <TermsPanel exchange={x} me={uid} otherName={other.displayName} canWrite={canWrite} />
          ) : null}
          {x.status !== 'pending' && x.status !== 'rejected' ? (
            <>
              <SessionsPanel
                exchange={x}
                me={uid}
                title={`SkillVerse exchange: ${iTeach} ⇄ ${iLearn} with ${other.displayName}`}
                canWrite={canWrite}
              />
              <MilestonesPanel exchange={x} canWrite={canWrite} />
            </>
          ) : null}
        </div>
      </div>

      <Dialog
        open={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title={x.status === 'pending' ? 'Withdraw this request?' : 'Cancel this exchange?'}
        description={`${other.displayName} will see that it was cancelled. This can’t be undone.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
              Keep it
            </Button>
            <Button
              variant="danger"
              loading={change.isPending && change.variables?.status === 'cancelled'}
              onClick={() =>
                change.mutate(
                  { exchangeId: x.id, status: 'cancelled' },
                  { onSuccess: () => setConfirmCancel(false), onError: fail('Couldn’t cancel') },
                )
              }
            >
              {x.status === 'pending' ? 'Withdraw' : 'Cancel exchange'}
            </Button>
          </>
        }
      />
    </div>
  );
}
