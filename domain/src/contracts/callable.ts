// A callable's contract, written once: its name, the zod schema its input must pass (the server
// parses with it; the web validates with it before calling) and its response type.
import type { z } from './zod';

export interface CallableContract<Name extends string, Input extends z.ZodType, Response> {
  readonly name: Name;
  readonly input: Input;
  /** Phantom: carries the response type; never set at run time. */
  readonly __response?: Response;
}

// biome-ignore lint/suspicious/noExplicitAny: any contract, whatever its types
export type AnyCallableContract = CallableContract<string, z.ZodType, any>;

/**
 * `defineCallable<EnrollInFreeCourseResponse>()('enrollInFreeCourse', schema)`: the response type
 * first (it cannot be inferred), then name and schema (inferred).
 */
export function defineCallable<Response>() {
  return <const Name extends string, Input extends z.ZodType>(name: Name, input: Input) =>
    ({ name, input }) as CallableContract<Name, Input, Response>;
}

/** What a client sends (before defaults and trimming). */
export type RequestOf<C> = C extends CallableContract<string, infer I, unknown> ? z.input<I> : never;
/** What the handler receives after parsing (trimmed, defaults applied). */
export type ParsedRequestOf<C> = C extends CallableContract<string, infer I, unknown> ? z.output<I> : never;
/** What the callable answers. */
export type ResponseOf<C> = C extends CallableContract<string, z.ZodType, infer R> ? R : never;
