import { ACCOUNT_STATUSES, type AccountStatus, type UserProfile } from '@skillverse/domain/models';
import { type FormEvent, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUserProfile } from '@/lib/data/users';
import {
  isEmailSearch,
  type UserCursor,
  type UserFilters,
  useUserPage,
  useUsersByEmail,
} from '../api/search-users';
import { AuditLogPanel } from '../components/audit-log-panel';
import { UserActions } from '../components/user-actions';

const STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  banned: 'Banned',
};
const STATUS_TONES = { active: 'success', suspended: 'warning', banned: 'danger' } as const;

/** /admin/users — find people by name or email, filter by status and role, act on accounts. */
export function AdminUsersPage() {
  useDocumentTitle('Users');
  const [draft, setDraft] = useState<UserFilters>({ term: '', status: 'all', role: 'all' });
  const [filters, setFilters] = useState<UserFilters>(draft);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, term: draft.term.trim() });
  };

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Users"
        description="Search by name (start of the name) or by exact email. Every action is recorded in the audit log."
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card>
            <search aria-label="Find users">
              <form onSubmit={search} className="flex flex-wrap items-end gap-3 p-4">
                <Field label="Name or email" className="min-w-48 flex-1">
                  <Input
                    type="search"
                    value={draft.term}
                    placeholder="e.g. ana or ana.lopez@skillverse.dev"
                    onChange={(e) => setDraft((d) => ({ ...d, term: e.target.value }))}
                  />
                </Field>
                <Field label="Status">
                  <Select
                    value={draft.status}
                    onChange={(e) =>
                      setDraft((d) => ({ ...d, status: e.target.value as UserFilters['status'] }))
                    }
                  >
                    <option value="all">Any status</option>
                    {ACCOUNT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {STATUS_LABELS[s]}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Role">
                  <Select
                    value={draft.role}
                    onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value as UserFilters['role'] }))}
                  >
                    <option value="all">Any role</option>
                    <option value="educator">Educators</option>
                    <option value="admin">Admins</option>
                  </Select>
                </Field>
                <Button type="submit">Search</Button>
              </form>
            </search>
          </Card>
          {isEmailSearch(filters.term) ? (
            <EmailResults key={filters.term} filters={filters} />
          ) : (
            <NameResults key={`${filters.term}|${filters.status}|${filters.role}`} filters={filters} />
          )}
        </div>
        <AuditLogPanel className="self-start" />
      </div>
    </div>
  );
}

function NameResults({ filters }: { filters: UserFilters }) {
  // The cursors of the pages seen so far: [null (page 1), after page 1, after page 2, …].
  const [cursors, setCursors] = useState<(UserCursor | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const page = useUserPage(filters, cursor);
  const pageNumber = cursors.length;

  if (page.isPending) return <Skeleton className="h-80" />;
  if (page.error && !page.data) {
    return (
      <LoadError title="We couldn’t load users" error={page.error} onRetry={() => void page.refetch()} />
    );
  }
  const { users, next } = page.data ?? { users: [], next: null };
  return (
    <UserList
      users={users}
      caption={`Page ${pageNumber}`}
      pager={
        <nav
          aria-label="Pages of users"
          className="flex items-center justify-between gap-2 border-t border-stone-100 px-4 py-3"
        >
          <Button
            size="sm"
            variant="secondary"
            disabled={pageNumber === 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Previous
          </Button>
          <span className="text-sm text-stone-600">Page {pageNumber}</span>
          <Button
            size="sm"
            variant="secondary"
            disabled={!next}
            onClick={() => next && setCursors((c) => [...c, next])}
          >
            Next
          </Button>
        </nav>
      }
    />
  );
}

function EmailResults({ filters }: { filters: UserFilters }) {
  const found = useUsersByEmail(filters.term);
  if (found.isPending) return <Skeleton className="h-40" />;
  if (found.error) {
    return (
      <LoadError
        title="We couldn’t search by email"
        error={found.error}
        onRetry={() => void found.refetch()}
      />
    );
  }
  if (found.data.length === 0) {
    return (
      <EmptyState
        icon="search"
        title="No account with that email"
        description="Email search matches the whole address. Search by name to find people by the start of their name."
      />
    );
  }
  return (
    <Card>
      <ul className="divide-y divide-stone-100" aria-label="Users found">
        {found.data.map((uid) => (
          <LiveUserRow key={uid} uid={uid} filters={filters} />
        ))}
      </ul>
    </Card>
  );
}

function LiveUserRow({ uid, filters }: { uid: string; filters: UserFilters }) {
  const profile = useUserProfile(uid);
  if (profile.isPending)
    return (
      <li className="p-4">
        <Skeleton className="h-12" />
      </li>
    );
  const user = profile.data;
  if (!user) return <li className="p-4 text-sm text-stone-600">This account has no profile yet.</li>;
  if (filters.status !== 'all' && user.status !== filters.status) {
    return (
      <li className="p-4 text-sm text-stone-600">{user.displayName} does not match the status filter.</li>
    );
  }
  if (filters.role !== 'all' && !user.roles.includes(filters.role)) {
    return <li className="p-4 text-sm text-stone-600">{user.displayName} does not match the role filter.</li>;
  }
  return <UserRow user={user} />;
}

function UserList({
  users,
  caption,
  pager,
}: {
  users: UserProfile[];
  caption: string;
  pager: React.ReactNode;
}) {
  if (users.length === 0) {
    return (
      <EmptyState
        icon="search"
        title="No users match"
        description="Try the start of a first name, or clear the status and role filters."
      />
    );
  }
  return (
    <Card>
      <ul className="divide-y divide-stone-100" aria-label={`Users, ${caption.toLowerCase()}`}>
        {users.map((user) => (
          <UserRow key={user.uid} user={user} />
        ))}
      </ul>
      {pager}
    </Card>
  );
}

function UserRow({ user }: { user: UserProfile }) {
  const { user: me } = useAuth();
  const headingId = `user-${user.uid}`;
  return (
    <li aria-labelledby={headingId} className="flex flex-wrap items-center gap-3 px-4 py-3">
      <Avatar name={user.displayName} src={user.photoURL} />
      <div className="min-w-40 flex-1">
        <p id={headingId} className="font-medium text-stone-900">
          <Link to={paths.publicProfile.href(user.uid)} className="hover:underline">
            {user.displayName || 'Unnamed user'}
          </Link>
          {me?.uid === user.uid ? <span className="text-sm font-normal text-stone-600"> (you)</span> : null}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-stone-600">
          <Badge tone={STATUS_TONES[user.status]}>{STATUS_LABELS[user.status]}</Badge>
          {user.roles
            .filter((r) => r !== 'learner')
            .map((role) => (
              <Badge key={role} tone="brand">
                {role === 'admin' ? 'Admin' : 'Educator'}
              </Badge>
            ))}
          <span>
            joined{' '}
            <time dateTime={user.createdAt.toISOString()} title={formatDateTime(user.createdAt)}>
              {formatRelativeTime(user.createdAt)}
            </time>
          </span>
        </p>
      </div>
      <UserActions user={user} isSelf={me?.uid === user.uid} />
    </li>
  );
}
