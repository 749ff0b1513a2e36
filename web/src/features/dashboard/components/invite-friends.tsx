import { POINTS } from '@skillverse/domain/gamification';
import { inviteLink, referralRulesText } from '@skillverse/domain/referrals';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useAuth } from '@/lib/auth/auth-context';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies with the Clipboard API; where it is missing or refused, selects the text instead. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.select();
    return false;
  }
}

/**
 * "Invite friends": the signed-in user's personal invite link (copy, or share where the Web Share
 * API exists), the rules of the award (from the constants the server applies) and how many invites
 * have counted. The count is `stats.referrals` on the live profile, bumped by the referral trigger
 * with each award — no extra read.
 */
export function InviteFriends() {
  const { user, profile } = useAuth();
  const [copy, setCopy] = useState<CopyState>('idle');
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  if (!user) return null;
  const link = inviteLink(window.location.origin, user.uid);
  const joined = profile?.stats.referrals ?? 0;
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  return (
    <Card>
      <CardHeader
        id="invite-heading"
        title="Invite friends"
        description={referralRulesText(POINTS.referral)}
      />
      <CardBody className="flex flex-col gap-3">
        <Field
          label="Your invite link"
          hint="A friend counts once they have verified their email and done a first activity the platform saw."
        >
          <Input
            ref={setInput}
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-sm"
            data-testid="invite-link"
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            onClick={async () => setCopy((await copyText(link, input)) ? 'copied' : 'failed')}
          >
            {copy === 'copied' ? 'Copied!' : 'Copy link'}
          </Button>
          {canShare ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                navigator
                  .share({
                    title: 'Join me on SkillVerse',
                    text: 'Learn, teach and swap skills with me.',
                    url: link,
                  })
                  .catch(() => undefined)
              }
            >
              Share…
            </Button>
          ) : null}
          <span role="status" className="text-sm text-stone-600">
            {copy === 'copied'
              ? 'Link copied to your clipboard.'
              : copy === 'failed'
                ? 'Couldn’t copy automatically — the link is selected, press Ctrl+C (⌘C).'
                : ''}
          </span>
        </div>
        <p className="text-sm text-stone-700" data-testid="referral-count">
          {joined === 0 ? (
            'Nobody has joined through your link and counted yet.'
          ) : (
            <>
              <strong className="font-semibold text-stone-900">{joined}</strong>{' '}
              {joined === 1 ? 'person has' : 'people have'} joined through your link and counted.
            </>
          )}
        </p>
      </CardBody>
    </Card>
  );
}
