// plusStatements/{month}_{instructorId}: an instructor's monthly Plus revenue-share statement,
// written only by functions (closePlusMonth); the instructor it names reads it. Path, the one
// converter, refs and the dashboard's query.
import { collection, limit, orderBy, query, where } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { num, obj, oneOf, readOnlyConverter, str } from '@/lib/firestore/parse';

export const plusStatementsPaths = {
  statements: () => 'plusStatements',
} as const;

export interface PlusStatementDoc {
  id: string;
  /** 'YYYY-MM' */
  month: string;
  instructorId: string;
  seconds: number;
  minutes: number;
  /** Share of the month's observed Plus time, 0–1. */
  share: number;
  /** Share of the distributable amount, minor units. */
  amount: number;
  /** Carried lines (≤ 0): late refunds of closed months, and last month's negative balance. */
  carryIn: number;
  payable: number;
  carryOut: number;
  currency: string;
  transferState: 'none' | 'pending' | 'transferring' | 'paid' | 'held';
  totals: {
    distributable: number;
    netRevenue: number;
    platformFee: number;
    roundingCents: number;
    totalSeconds: number;
  };
}

export function parsePlusStatement(id: string, data: unknown): PlusStatementDoc {
  const d = obj(data);
  const t = obj(d.totals);
  return {
    id,
    month: str(d.month),
    instructorId: str(d.instructorId),
    seconds: num(d.seconds),
    minutes: num(d.minutes),
    share: num(d.share),
    amount: num(d.amount),
    carryIn: num(d.carryIn),
    payable: num(d.payable),
    carryOut: num(d.carryOut),
    currency: str(d.currency, 'USD'),
    transferState: oneOf(
      ['none', 'pending', 'transferring', 'paid', 'held'] as const,
      d.transferState,
      'pending',
    ),
    totals: {
      distributable: num(t.distributable),
      netRevenue: num(t.netRevenue),
      platformFee: num(t.platformFee),
      roundingCents: num(t.roundingCents),
      totalSeconds: num(t.totalSeconds),
    },
  };
}

export const plusStatementConverter = readOnlyConverter('plus statements', parsePlusStatement);

export const plusStatementsRef = () =>
  collection(db, plusStatementsPaths.statements()).withConverter(plusStatementConverter);

/** The instructor's statements, newest month first (the rules allow only their own). */
export const myPlusStatementsQuery = (uid: string, count: number) =>
  query(plusStatementsRef(), where('instructorId', '==', uid), orderBy('month', 'desc'), limit(count));
