import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ToastProvider } from '@/components/ui/toast';
import { LiveQueryError } from '@/lib/firestore/live-source';
import { AppErrorBoundary } from './app-error-boundary';
import { AuthProvider } from './providers/auth-provider';

const NO_RETRY = new Set(['permission-denied', 'not-found', 'unauthenticated', 'invalid-argument']);

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Retrying cannot fix a rules denial or a missing document.
        retry: (failures, error) =>
          !(error instanceof LiveQueryError && NO_RETRY.has(error.code)) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <AuthProvider>{children}</AuthProvider>
        </ToastProvider>
      </QueryClientProvider>
    </AppErrorBoundary>
  );
}
