// Every callable contract, for tests that walk them all (each has an exported function, and
// back) and for tools that call callables by name (benches, fault injection).
import type { AnyCallableContract } from './callable';
import * as accounts from './accounts';
import * as billing from './billing';
import * as courses from './courses';
import * as credentials from './credentials';
import * as exchange from './exchange';
import * as follows from './follows';
import * as live from './live';
import * as payouts from './payouts';
import * as plusRevenue from './plus-revenue';
import * as plusMembership from './plus-membership';
import * as stats from './stats';

function contractsOf(module: Record<string, unknown>): AnyCallableContract[] {
  return Object.values(module).filter(
    (value): value is AnyCallableContract =>
      typeof value === 'object' && value !== null && 'name' in value && 'input' in value,
  );
}

/** All callable contracts, by area. */
export const CALLABLE_AREAS = {
  accounts,
  billing,
  courses,
  credentials,
  exchange,
  follows,
  live,
  payouts,
  plusRevenue,
  plusMembership,
  stats,
} as const;

/** All callable contracts, in one list. */
export const ALL_CALLABLES: readonly AnyCallableContract[] = Object.values(CALLABLE_AREAS).flatMap((area) =>
  contractsOf(area as Record<string, unknown>),
);

/** A callable's contract by name, or undefined. */
export function callableByName(name: string): AnyCallableContract | undefined {
  return ALL_CALLABLES.find((contract) => contract.name === name);
}
