// The slice of an onRequest request and response the HTTP handlers use, so tests can pass fakes.

export interface HttpRequestLike {
  method: string;
  query: Record<string, unknown>;
}

export interface HttpResponseLike {
  status(code: number): HttpResponseLike;
  set(field: string, value: string): HttpResponseLike;
  send(body: unknown): unknown;
}
