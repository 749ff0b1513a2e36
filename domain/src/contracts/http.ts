// HTTP functions (not callables): their names, for URLs (web functionUrl, tests, benches).
export const HTTP_FUNCTIONS = {
  /** Stripe → server: payment and Connect events, signed. */
  stripeWebhook: 'stripeWebhook',
  /** GET `?id=<certificateId>`: the certificate as a PDF. */
  certificatePdf: 'certificatePdf',
  /** LiveKit → server: room and participant events, signed. */
  livekitWebhook: 'livekitWebhook',
  /** Open Badges / verifiable credential documents (issuer, status list, credentials). */
  openBadges: 'openBadges',
  /** GET/POST `?token=`: one-click unsubscribe from an email type (List-Unsubscribe, RFC 8058). */
  unsubscribe: 'unsubscribe',
  /** GET /courses, /courses/:id, /u/:uid, /certificates/:id/verify (Hosting rewrites): the page's HTML. */
  publicPage: 'publicPage',
} as const;
export type HttpFunctionName = (typeof HTTP_FUNCTIONS)[keyof typeof HTTP_FUNCTIONS];
