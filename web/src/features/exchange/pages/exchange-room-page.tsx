import { exchangeActions } from '@skillverse/domain/skills';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useConfirmCompletion } from '../api/confirm-completion';
import { useExchange } from '../api/get-exchange';
import { useFeedback } from '../api/feedback';
import { useChangeExchangeStatus } from '../api/respond-to-exchange';
import { useSessions } from '../api/sessions';
import { CancelExchangeDialog } from '../components/cancel-exchange-dialog';
import { ChatPanel } from '../components/chat-panel';
import { ExchangeActions } from '../components/exchange-actions';
import { ExchangeHeader } from '../components/exchange-header';
import { usePartner } from '../components/exchange-list';
import { ExchangeNotFound, ExchangeRoomSkeleton } from '../components/exchange-room-states';
import { FeedbackPanel } from '../components/feedback-panel';
import { MilestonesPanel } from '../components/milestones-panel';
import { SessionsPanel } from '../components/sessions-panel';
import { TermsPanel } from '../components/terms-panel';

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
  const sessions = useSessions(exchange.data ? id : undefined);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const x = exchange.data;
  const other = usePartner(x, uid);
  useDocumentTitle(other ? `Exchange with ${other.displayName}` : 'Skill exchange');

  if (exchange.isPending) return <ExchangeRoomSkeleton />;
  if (!x || !other) {
    return (
      <ExchangeNotFound
        reason={
          exchange.error
            ? friendlyError(exchange.error)
            : 'It doesn’t exist, or you are not one of its two participants.'
        }
      />
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
      <ExchangeHeader exchange={x} me={uid} other={other} iTeach={iTeach} iLearn={iLearn}>
        <ExchangeActions
          actions={actions}
          pending={x.status === 'pending'}
          canWrite={canWrite}
          accepting={change.isPending && change.variables?.status === 'accepted'}
          confirming={confirm.isPending}
          onAccept={() =>
            change.mutate(
              { exchangeId: x.id, status: 'accepted' },
              { onError: fail('Couldn’t accept the request') },
            )
          }
          onReject={() =>
            change.mutate(
              { exchangeId: x.id, status: 'rejected' },
              { onError: fail('Couldn’t decline the request') },
            )
          }
          onConfirmCompletion={() =>
            confirm.mutate(
              { exchangeId: x.id, uid },
              {
                onSuccess: (state) =>
                  toast({
                    title: state === 'completed' ? 'Exchange completed' : 'Completion confirmed',
                  }),
                onError: fail('Couldn’t confirm completion'),
              },
            )
          }
          onCancel={() => setConfirmCancel(true)}
          heldSessions={(sessions.data ?? []).filter((s) => s.status === 'held').length}
        />
      </ExchangeHeader>

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

      <CancelExchangeDialog
        open={confirmCancel}
        pending={x.status === 'pending'}
        otherName={other.displayName}
        cancelling={change.isPending && change.variables?.status === 'cancelled'}
        onClose={() => setConfirmCancel(false)}
        onConfirm={() =>
          change.mutate(
            { exchangeId: x.id, status: 'cancelled' },
            { onSuccess: () => setConfirmCancel(false), onError: fail('Couldn’t cancel') },
          )
        }
      />
    </div>
  );
}
