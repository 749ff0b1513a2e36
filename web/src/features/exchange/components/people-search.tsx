import type { UserProfile } from '@skillverse/domain/models';
import { normaliseSkill } from '@skillverse/domain/skills';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useSearchPeople } from '../api/search-people';

/** Search people by a skill they teach (one indexed query on the normalised skill). */
export function PeopleSearch({
  me,
  onRequest,
  disabled,
}: {
  me: string;
  onRequest: (person: UserProfile, skill: string) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [term, setTerm] = useState('');
  const search = useSearchPeople(term);
  const people = (search.data ?? []).filter((p) => p.uid !== me);
  const key = normaliseSkill(term);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTerm(draft.trim());
  };

  return (
    <div className="flex flex-col gap-4">
      <search>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <Field label="Skill" className="min-w-0 flex-1" hint="For example Python, guitar, UX or JS.">
            <Input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} name="skill" />
          </Field>
          <Button type="submit" className="mb-6">
            Search
          </Button>
        </form>
      </search>
      {!term ? null : search.isFetching && !search.data ? (
        <Spinner label="Searching…" />
      ) : search.error ? (
        <Alert tone="error" title="The search failed">
          {friendlyError(search.error)}
        </Alert>
      ) : people.length === 0 ? (
        <p className="text-sm text-stone-600">Nobody offers “{term}” yet. Try a related skill.</p>
      ) : (
        <ul className="divide-y divide-stone-100" aria-label={`People who teach ${term}`}>
          {people.map((p) => {
            const skill = p.offeredSkills.find((s) => normaliseSkill(s.name) === key)?.name ?? term;
            return (
              <li key={p.uid} className="flex flex-wrap items-center gap-3 py-3">
                <Avatar name={p.displayName} src={p.photoURL} size="md" />
                <div className="min-w-0 flex-1">
                  <Link
                    to={paths.publicProfile.href(p.uid)}
                    className="font-medium text-stone-900 hover:underline"
                  >
                    {p.displayName}
                  </Link>
                  <div className="mt-1 flex flex-wrap gap-1.5">
                    {p.offeredSkills.map((s) => (
                      <Badge key={s.name} tone={normaliseSkill(s.name) === key ? 'success' : 'neutral'}>
                        {s.name}
                      </Badge>
                    ))}
                  </div>
                </div>
                <Button size="sm" variant="secondary" onClick={() => onRequest(p, skill)} disabled={disabled}>
                  Request {skill}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
