import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';

/** Leaves signed-in pages first (so guards do not bounce to /sign-in), then signs out. */
export function useSignOut(): () => Promise<void> {
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const { toast } = useToast();
  return useCallback(async () => {
    try {
      await navigate(paths.home.href());
      await signOut();
      toast({ title: 'You’re signed out', description: 'See you soon.', tone: 'info' });
    } catch (error) {
      toast({ title: 'Couldn’t sign out', description: friendlyError(error), tone: 'error' });
    }
  }, [navigate, signOut, toast]);
}
