// Plus membership (docs/plus.md): the live subscription and the callables.
import {
  completeLocalPlusCheckout,
  createPlusCheckoutSession,
  createPlusPortalSession,
  localPlusPortalAction,
} from '@skillverse/domain/contracts/plus-membership';
import type { RequestOf } from '@skillverse/domain/contracts/callable';
import { useMutation } from '@tanstack/react-query';
import { usePlusSubscription } from '@/lib/data/plus-subscription';
import { callFunction } from '@/lib/firebase';

export { usePlusSubscription };

export function useCreatePlusCheckout() {
  return useMutation({
    mutationFn: (input: RequestOf<typeof createPlusCheckoutSession>) =>
      callFunction(createPlusCheckoutSession, input),
  });
}

export function useCreatePlusPortal() {
  return useMutation({
    mutationFn: (input: RequestOf<typeof createPlusPortalSession>) =>
      callFunction(createPlusPortalSession, input),
  });
}

export function useCompleteLocalPlusCheckout() {
  return useMutation({
    mutationFn: (input: RequestOf<typeof completeLocalPlusCheckout>) =>
      callFunction(completeLocalPlusCheckout, input),
  });
}

export function useLocalPlusPortalAction() {
  return useMutation({
    mutationFn: (input: RequestOf<typeof localPlusPortalAction>) =>
      callFunction(localPlusPortalAction, input),
  });
}
