import { credentialIssuedToEmail, type OpenBadgeCredential } from '@skillverse/domain/credentials';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type Answer = { email: string; match: boolean } | null;

/**
 * "Was this issued to this email?": the credential carries the holder's verified email only as a
 * salted SHA-256 (OB 3.0 IdentityObject); this hashes what is typed, with that salt, here in the
 * browser and compares. The email is never sent anywhere.
 */
export function RecipientCheck({ credential }: { credential: OpenBadgeCredential }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [answer, setAnswer] = useState<Answer>(null);
  const headingId = useId();
  const hasIdentifier = (credential.credentialSubject.identifier ?? []).some(
    (i) => i.identityType === 'emailAddress',
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const typed = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(typed)) {
      setError('Enter an email address, like name@example.com.');
      setAnswer(null);
      return;
    }
    setError(undefined);
    setAnswer({ email: typed, match: credentialIssuedToEmail(credential, typed) });
  }

  return (
    <section
      aria-labelledby={headingId}
      className="mt-6 rounded-(--radius-card) border border-stone-200 bg-white p-5 shadow-(--shadow-card)"
    >
      <h2 id={headingId} className="font-semibold text-stone-900">
        Was this issued to this email?
      </h2>
      {hasIdentifier ? (
        <>
          <p className="mt-1 text-sm text-stone-700">
            The credential names its holder by a salted hash of their verified email. Type an address to
            compare: it is hashed in your browser and never sent.
          </p>
          <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label="Email address" error={error} className="sm:flex-1">
              <Input
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  setAnswer(null);
                }}
              />
            </Field>
            <Button type="submit" variant="secondary">
              Check email
            </Button>
          </form>
          <div aria-live="polite" className="mt-3">
            {answer ? (
              answer.match ? (
                <Alert tone="success" title="Issued to this email">
                  This credential was issued to {answer.email}.
                </Alert>
              ) : (
                <Alert tone="warning" title="Not this email">
                  This credential was not issued to {answer.email}. Check the spelling, or ask the holder
                  which address their SkillVerse account uses.
                </Alert>
              )
            ) : null}
          </div>
        </>
      ) : (
        <p className="mt-1 text-sm text-stone-700">
          This credential was issued before SkillVerse recorded the holder’s email in credentials (or while it
          was unverified), so it cannot be matched to an email. The holder’s name and profile link identify
          them.
        </p>
      )}
    </section>
  );
}
