// Moved to lib/data/exchanges.ts. This re-export stays only for exchange/pages/exchange-room-page.tsx,
// which another change is carving into sections; point those at '@/lib/data/exchanges' and delete this file.
export type { ExchangeDoc } from '@/lib/data/exchanges';
