// What `firebase deploy` would create, read from the same endpoint annotations firebase-tools reads
// (each function's __endpoint): region, retries, and the secrets each function is granted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';

interface Endpoint {
  region?: string[];
  availableMemoryMb?: number;
  timeoutSeconds?: number;
  maxInstances?: number;
  secretEnvironmentVariables?: { key: string }[];
  eventTrigger?: { retry?: boolean };
  callableTrigger?: object;
  httpsTrigger?: object;
  scheduleTrigger?: object;
}

const src = fileURLToPath(new URL('.', import.meta.url));

const MAIL = ['SENDGRID_API_KEY'];
const LIVEKIT = ['LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'LIVEKIT_URL'];

/**
 * The secrets each function may read, and no more (README, Deploy). Functions not listed get none.
 * Mail: anything that can notify someone. LiveKit: only what talks to the LiveKit server (the
 * webhook only verifies signatures, so it gets the key pair without the URL).
 */
const SECRETS: Record<string, string[]> = {
  backfillCredentials: ['CREDENTIAL_SIGNING_KEY', ...MAIL],
  cancelLiveSession: MAIL,
  completeLecture: MAIL,
  confirmExchangeSession: MAIL,
  exchangeCallHeartbeat: MAIL,
  getExchangeCallToken: LIVEKIT,
  // Swap cycle group sessions: completion notifies the three; the group call's token.
  confirmSwapCycleSession: MAIL,
  getCycleCallToken: LIVEKIT,
  completeLocalCheckout: ['STRIPE_WEBHOOK_SECRET'],
  createCheckoutSession: ['STRIPE_SECRET_KEY'],
  // The Plus revenue share's monthly close: Stripe Transfers per statement.
  closePlusMonth: ['STRIPE_SECRET_KEY'],
  runPlusMonthClose: ['STRIPE_SECRET_KEY'],
  createConnectOnboardingLink: ['STRIPE_SECRET_KEY'],
  completeLocalOnboarding: ['STRIPE_WEBHOOK_SECRET'],
  runLocalPayout: ['STRIPE_WEBHOOK_SECRET'],
  // Plus membership: Checkout and the Customer Portal; the local stand-ins sign events; the
  // period-ending reminder notifies.
  createPlusCheckoutSession: ['STRIPE_SECRET_KEY'],
  createPlusPortalSession: ['STRIPE_SECRET_KEY'],
  completeLocalPlusCheckout: ['STRIPE_WEBHOOK_SECRET'],
  localPlusPortalAction: ['STRIPE_WEBHOOK_SECRET'],
  plusPeriodEndingReminders: MAIL,
  decideEducatorApplication: MAIL,
  endLiveSession: [...MAIL, ...LIVEKIT],
  enrollInFreeCourse: MAIL,
  ensureProfile: MAIL,
  getLiveKitToken: LIVEKIT,
  leagueRollover: MAIL,
  liveSessionJobs: MAIL,
  livekitWebhook: [...MAIL, 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'],
  moderateCourse: MAIL,
  moderateRevision: MAIL,
  moderateLiveParticipant: LIVEKIT,
  onCertificateCreatedSign: ['CREDENTIAL_SIGNING_KEY'],
  onPaymentRefunded: ['CREDENTIAL_SIGNING_KEY', ...MAIL],
  onExchangeFeedbackCreated: MAIL,
  onExchangeFeedbackCreatedIssueCredentials: MAIL,
  onExchangeMessageCreated: MAIL,
  onExchangeWritten: MAIL,
  onFanoutWritten: MAIL,
  sweepFanouts: MAIL,
  onLiveSessionWritten: MAIL,
  onLiveSessionEndedFollowUpQuestions: MAIL,
  onPointEventCreated: MAIL,
  onProfileWrittenAwardReferral: MAIL,
  onEnrollmentWrittenRecommend: ['OPENAI_API_KEY'],
  onProfileWrittenMatchSkills: ['OPENAI_API_KEY'],
  onProfileSkillsWrittenUpdateDirectory: ['OPENAI_API_KEY'],
  onProfileWrittenRecommend: ['OPENAI_API_KEY'],
  onUserCreated: MAIL,
  proposeSwapCycles: MAIL,
  respondToSwapCycle: MAIL,
  registerForLiveSession: MAIL,
  sendNudges: [...MAIL, 'UNSUBSCRIBE_SECRET'],
  unsubscribe: ['UNSUBSCRIBE_SECRET'],
  revokeCredential: ['CREDENTIAL_SIGNING_KEY', ...MAIL],
  setUserRoles: MAIL,
  setUserStatus: MAIL,
  startLiveSession: [...MAIL, ...LIVEKIT],
  setSessionRecordingLink: MAIL,
  startSessionRecording: [...LIVEKIT, 'LIVEKIT_RECORDINGS_CREDENTIALS'],
  stopSessionRecording: [...LIVEKIT, 'LIVEKIT_RECORDINGS_CREDENTIALS'],
  stripeWebhook: [
    'SENDGRID_API_KEY',
    'STRIPE_CONNECT_WEBHOOK_SECRET',
    'STRIPE_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
  ],
  submitQuiz: MAIL,
};

let endpoints: Record<string, Endpoint>;

beforeAll(async () => {
  // The 1st-gen Auth trigger needs a project id to describe itself, as at deploy time.
  process.env.GCLOUD_PROJECT ??= 'demo-skillverse';
  const fns = (await import('./index')) as Record<string, { __endpoint: Endpoint }>;
  endpoints = Object.fromEntries(Object.entries(fns).map(([name, fn]) => [name, fn.__endpoint]));
}, 30_000);

describe('deploy options', () => {
  it('puts every function in us-central1 with memory, timeout and an instance ceiling', () => {
    expect(Object.keys(endpoints).length).toBeGreaterThan(40);
    for (const [name, ep] of Object.entries(endpoints)) {
      expect(ep.region, name).toEqual(['us-central1']);
      expect(ep.availableMemoryMb, name).toBeGreaterThanOrEqual(256);
      expect(ep.timeoutSeconds, name).toBeGreaterThanOrEqual(60);
      expect(ep.maxInstances, name).toBeGreaterThan(0);
    }
  });

  it('retries every event trigger (their handlers are idempotent)', () => {
    const events = Object.entries(endpoints).filter(([, ep]) => ep.eventTrigger);
    expect(events.length).toBeGreaterThan(20);
    for (const [name, ep] of events) expect(ep.eventTrigger?.retry, name).toBe(true);
  });

  it('grants each function only the secrets it reads', () => {
    for (const [name, ep] of Object.entries(endpoints)) {
      const granted = (ep.secretEnvironmentVariables ?? []).map((s) => s.key).sort();
      expect(granted, name).toEqual([...(SECRETS[name] ?? [])].sort());
    }
    for (const name of Object.keys(SECRETS)) expect(endpoints, name).toHaveProperty(name);
  });
});

function functionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return functionFiles(path);
    return entry.name.endsWith('.function.ts') ? [path] : [];
  });
}

describe('App Check on callables', () => {
  it('every onCall sets enforceAppCheck from ENFORCE_APP_CHECK', () => {
    let callables = 0;
    for (const file of functionFiles(src)) {
      const source = readFileSync(file, 'utf8');
      // Each onCall's options object, up to the handler.
      for (const match of source.matchAll(/onCall\(([\s\S]*?)async \(/g)) {
        callables += 1;
        expect(match[1], file).toMatch(/enforceAppCheck: appCheckEnforced\(\)/);
      }
    }
    const exported = Object.values(endpoints).filter((ep) => ep.callableTrigger).length;
    expect(callables).toBe(exported);
  });

  it('ENFORCE_APP_CHECK is off unless set to true, and not read while firebase-tools inspects the code', async () => {
    const { appCheckEnforced } = await import('./config/params');
    const saved = { enforce: process.env.ENFORCE_APP_CHECK, control: process.env.FUNCTIONS_CONTROL_API };
    try {
      delete process.env.FUNCTIONS_CONTROL_API;
      delete process.env.ENFORCE_APP_CHECK;
      expect(appCheckEnforced()).toBe(false);
      process.env.ENFORCE_APP_CHECK = 'false';
      expect(appCheckEnforced()).toBe(false);
      process.env.ENFORCE_APP_CHECK = 'true';
      expect(appCheckEnforced()).toBe(true);
      process.env.FUNCTIONS_CONTROL_API = 'true';
      expect(appCheckEnforced()).toBe(false);
    } finally {
      for (const [key, value] of [
        ['ENFORCE_APP_CHECK', saved.enforce],
        ['FUNCTIONS_CONTROL_API', saved.control],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('rejects a callable request without an App Check token only when ENFORCE_APP_CHECK=true', async () => {
    expect(await callWithoutTokens('false')).toEqual({ status: 401, message: 'Sign in to do this.' });
    expect(await callWithoutTokens('true')).toEqual({ status: 401, message: 'Unauthenticated' });
  });
});

/**
 * Sends a callable request with neither an ID token nor an App Check token through a freshly loaded
 * callable (enforceAppCheck is read when the function is defined), with ENFORCE_APP_CHECK as given.
 * Answers the HTTP status and error message: with enforcement firebase-functions itself rejects the
 * request; without it the handler runs and asks for sign-in.
 */
async function callWithoutTokens(enforce: string): Promise<{ status: number; message: string }> {
  const saved = process.env.ENFORCE_APP_CHECK;
  process.env.ENFORCE_APP_CHECK = enforce;
  try {
    vi.resetModules();
    const { setUserStatus } = await import('./admin/set-user-status.function');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const req = {
      method: 'POST',
      url: '/',
      headers,
      body: { data: { uid: 'someone', status: 'suspended' } },
      header: (name: string) => headers[name.toLowerCase()],
      get: (name: string) => headers[name.toLowerCase()],
    };
    const events = new EventEmitter();
    const res = Object.assign(events, {
      statusCode: 200,
      body: undefined as unknown,
      headers: {} as Record<string, unknown>,
      setHeader(name: string, value: unknown) {
        this.headers[name.toLowerCase()] = value;
      },
      getHeader(name: string) {
        return this.headers[name.toLowerCase()];
      },
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      send(body: unknown) {
        this.body = body;
        events.emit('finish');
        return this;
      },
      end() {
        events.emit('finish');
      },
      write() {
        return true;
      },
    });
    await (setUserStatus as unknown as (q: unknown, r: unknown) => Promise<void>)(req, res);
    const body = res.body as { error?: { message?: string } } | undefined;
    return { status: res.statusCode, message: body?.error?.message ?? '' };
  } finally {
    if (saved === undefined) delete process.env.ENFORCE_APP_CHECK;
    else process.env.ENFORCE_APP_CHECK = saved;
  }
}
