import type { ExchangeStatus } from '@skillverse/domain/models';

export const STATUS_LABELS: Record<ExchangeStatus, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Agreeing terms',
  active: 'In progress',
  completed: 'Completed',
  rejected: 'Declined',
  cancelled: 'Cancelled',
};

export const STATUS_TONES: Record<ExchangeStatus, 'neutral' | 'brand' | 'success' | 'warning' | 'danger'> = {
  pending: 'warning',
  accepted: 'brand',
  active: 'success',
  completed: 'success',
  rejected: 'danger',
  cancelled: 'neutral',
};

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
