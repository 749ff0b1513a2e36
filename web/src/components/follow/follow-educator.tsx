// Follow an educator (issue 16 §3): the public follower count and a Follow / Following toggle.
// Loaded lazily (course page and public profile): the callable contract and its zod stay out of
// first paint. The count and the button state come from live documents the server keeps
// (users/{uid}.followerCount, folded from its counter shards within seconds; users/{uid}/followers/{me}), so they settle on what the server did.
import { followerCountLabel } from '@skillverse/domain/follows';
import { useMutation } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { ButtonLink, Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useFollowing } from '@/lib/data/followers';
import { friendlyError } from '@/lib/errors';
import { callFunction } from '@/lib/firebase';

async function setFollowing(input: { educatorId: string; follow: boolean }) {
  const { followEducator } = await import('@skillverse/domain/contracts/follows');
  return callFunction(followEducator, input);
}

export interface FollowEducatorProps {
  educatorId: string;
  educatorName: string;
  followerCount: number;
}

export default function FollowEducator({ educatorId, educatorName, followerCount }: FollowEducatorProps) {
  const { user } = useAuth();
  const location = useLocation();
  const { toast } = useToast();
  const following = useFollowing(educatorId, user?.uid);
  const mutation = useMutation({
    mutationFn: setFollowing,
    onSuccess: (result) =>
      toast({
        title: result.following ? `You follow ${educatorName}` : `You unfollowed ${educatorName}`,
        description: result.following
          ? 'You’ll hear about their new courses and live sessions (change this in Settings).'
          : undefined,
        tone: 'success',
      }),
    onError: (error) =>
      toast({ title: 'Couldn’t update following', description: friendlyError(error), tone: 'error' }),
  });

  const count = (
    <span className="text-sm text-stone-600" data-testid="follower-count">
      {followerCountLabel(followerCount)}
    </span>
  );
  if (user?.uid === educatorId) return <div className="flex items-center gap-3">{count}</div>;

  if (!user) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <ButtonLink to={paths.signIn.href(location.pathname)} variant="secondary" size="sm">
          Sign in to follow
        </ButtonLink>
        {count}
      </div>
    );
  }

  const isFollowing = Boolean(following.data);
  const busy = mutation.isPending || following.isPending;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        type="button"
        size="sm"
        variant={isFollowing ? 'secondary' : 'primary'}
        loading={mutation.isPending}
        disabled={busy}
        onClick={() => mutation.mutate({ educatorId, follow: !isFollowing })}
        // The visible word starts the name (label in name); the rest says what a press does.
        aria-label={isFollowing ? `Following ${educatorName}, press to unfollow` : `Follow ${educatorName}`}
      >
        {isFollowing ? 'Following' : 'Follow'}
      </Button>
      {count}
    </div>
  );
}
