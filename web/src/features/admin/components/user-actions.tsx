import type { AccountStatus, UserProfile } from '@skillverse/domain/models';
import type { GrantableRole } from '@skillverse/domain/accounts-api';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import { useSetUserRoles } from '../api/set-user-roles';
import { statusReasonSchema, useSetUserStatus } from '../api/set-user-status';
import { ReasonDialog } from './reason-dialog';

const STATUS_ACTIONS: Record<
  AccountStatus,
  { label: string; title: string; description: string; confirm: string; done: string }
> = {
  suspended: {
    label: 'Suspend…',
    title: 'Suspend this account',
    description: 'They can still browse but can’t sign in again, post or change anything until restored.',
    confirm: 'Suspend account',
    done: 'Account suspended',
  },
  banned: {
    label: 'Ban…',
    title: 'Ban this account',
    description: 'Their sign-in is disabled and every session is signed out. They can write nothing.',
    confirm: 'Ban account',
    done: 'Account banned',
  },
  active: {
    label: 'Restore…',
    title: 'Restore this account',
    description: 'Full access comes back: they can sign in and write again.',
    confirm: 'Restore account',
    done: 'Account restored',
  },
};

const ROLE_LABELS: Record<GrantableRole, string> = { educator: 'educator', admin: 'admin' };

/** Suspend, ban or restore an account, and grant or revoke roles — each confirmed first. */
export function UserActions({ user, isSelf }: { user: UserProfile; isSelf: boolean }) {
  const status = useSetUserStatus();
  const roles = useSetUserRoles();
  const { toast } = useToast();
  const [statusTarget, setStatusTarget] = useState<AccountStatus | null>(null);
  const [roleChange, setRoleChange] = useState<{ role: GrantableRole; grant: boolean } | null>(null);
  const name = user.displayName || 'this user';

  const statusChoices: AccountStatus[] =
    user.status === 'active'
      ? ['suspended', 'banned']
      : user.status === 'suspended'
        ? ['active', 'banned']
        : ['active'];
  const roleChoices = (['educator', 'admin'] as const).map((role) => ({
    role,
    grant: !user.roles.includes(role),
  }));

  return (
    <div className="flex flex-wrap gap-2">
      {statusChoices.map((target) => (
        <Button
          key={target}
          size="sm"
          variant={target === 'active' ? 'secondary' : 'ghost'}
          disabled={isSelf}
          onClick={() => {
            status.reset();
            setStatusTarget(target);
          }}
        >
          <span>
            {STATUS_ACTIONS[target].label.replace('…', '')}
            <span className="sr-only"> {name}</span>…
          </span>
        </Button>
      ))}
      {roleChoices.map(({ role, grant }) => (
        <Button
          key={role}
          size="sm"
          variant="ghost"
          disabled={isSelf && role === 'admin' && !grant}
          onClick={() => {
            roles.reset();
            setRoleChange({ role, grant });
          }}
        >
          <span>
            {grant ? `Make ${ROLE_LABELS[role]}` : `Remove ${ROLE_LABELS[role]}`}
            <span className="sr-only">: {name}</span>
          </span>
        </Button>
      ))}

      {statusTarget ? (
        <ReasonDialog
          key={`${user.uid}-${statusTarget}`}
          open
          title={STATUS_ACTIONS[statusTarget].title}
          description={`${name}: ${STATUS_ACTIONS[statusTarget].description}`}
          label={statusTarget === 'active' ? 'Note for the user' : 'Reason for the user'}
          hint={statusTarget === 'active' ? undefined : 'They see this in their notifications and email.'}
          optional={statusTarget === 'active'}
          confirmLabel={STATUS_ACTIONS[statusTarget].confirm}
          tone={statusTarget === 'active' ? 'primary' : 'danger'}
          schema={
            statusTarget === 'active'
              ? statusReasonSchema
              : statusReasonSchema.min(5, 'Say why, in at least 5 characters: the person reads it.')
          }
          pending={status.isPending}
          error={status.error}
          onClose={() => setStatusTarget(null)}
          onConfirm={(reason) =>
            status.mutate(
              { uid: user.uid, status: statusTarget, ...(reason ? { reason } : {}) },
              {
                onSuccess: () => {
                  toast({ title: STATUS_ACTIONS[statusTarget].done, description: name });
                  setStatusTarget(null);
                },
              },
            )
          }
        />
      ) : null}

      {roleChange ? (
        <Dialog
          open
          onClose={() => setRoleChange(null)}
          title={
            roleChange.grant
              ? `Make ${name} ${roleChange.role === 'admin' ? 'an admin' : 'an educator'}?`
              : `Remove the ${roleChange.role} role?`
          }
          description={
            roleChange.grant
              ? roleChange.role === 'admin'
                ? 'Admins can manage every user, course and application.'
                : 'Educators can create courses and host live sessions.'
              : `${name} loses access to the ${roleChange.role} area at their next token refresh.`
          }
        >
          <div className="flex flex-col gap-4">
            {roles.error ? <Alert tone="error">{friendlyError(roles.error)}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => setRoleChange(null)}>
                Cancel
              </Button>
              <Button
                variant={roleChange.grant ? 'primary' : 'danger'}
                loading={roles.isPending}
                onClick={() =>
                  roles.mutate(
                    { uid: user.uid, ...roleChange },
                    {
                      onSuccess: () => {
                        toast({
                          title: roleChange.grant ? 'Role granted' : 'Role removed',
                          description: `${name}: ${roleChange.role}`,
                        });
                        setRoleChange(null);
                      },
                    },
                  )
                }
              >
                {roleChange.grant ? 'Grant role' : 'Remove role'}
              </Button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
