import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCAL_STRIPE_WEBHOOK_SECRET as DOMAIN_DEFAULT } from '../../domain/src/courses-api';
import { declaredSecrets, LOCAL_STRIPE_WEBHOOK_SECRET, localSecretsText } from './local-secrets.mjs';

const root = new URL('../../', import.meta.url);
const example = '# comment\nSENDGRID_API_KEY=\nSTRIPE_WEBHOOK_SECRET=\n';

describe('localSecretsText', () => {
  it('creates the file from the example with no empty override (the emulator would ask Secret Manager)', () => {
    const text = localSecretsText({
      example,
      declared: ['SENDGRID_API_KEY', 'STRIPE_WEBHOOK_SECRET', 'OPENAI_API_KEY'],
    });
    expect(text).toMatch(/^# Local overrides for the Functions emulator/);
    expect(text).toContain('# comment\n');
    expect(text).toContain('SENDGRID_API_KEY=" "\n');
    expect(text).toContain(`STRIPE_WEBHOOK_SECRET=${LOCAL_STRIPE_WEBHOOK_SECRET}\n`);
    expect(text).toContain('OPENAI_API_KEY=" "\n');
    expect(text).not.toMatch(/^[A-Z_]+=\s*$/m);
  });

  it('keeps real values, fills empty and missing ones, and leaves a complete file alone', () => {
    const current = 'SENDGRID_API_KEY=SG.real\nOPENAI_API_KEY=""\n';
    const text = localSecretsText({
      current,
      example,
      declared: ['SENDGRID_API_KEY', 'OPENAI_API_KEY', 'LIVEKIT_URL'],
    });
    expect(text).toContain('SENDGRID_API_KEY=SG.real\n');
    expect(text).toContain('OPENAI_API_KEY=" "\n');
    expect(text).toContain('LIVEKIT_URL=" "\n');
    expect(localSecretsText({ current: text, example, declared: ['SENDGRID_API_KEY', 'LIVEKIT_URL'] })).toBe(
      text,
    );
  });

  it('uses the same webhook default as the functions', () => {
    expect(LOCAL_STRIPE_WEBHOOK_SECRET).toBe(DOMAIN_DEFAULT);
  });
});

describe('declaredSecrets', () => {
  it('finds every secret the functions declare, and the example documents each', () => {
    const declared = declaredSecrets(new URL('functions/src', root).pathname);
    expect(declared).toContain('STRIPE_WEBHOOK_SECRET');
    expect(declared).toContain('CREDENTIAL_SIGNING_KEY');
    const exampleText = readFileSync(new URL('functions/.secret.local.example', root), 'utf8');
    for (const name of declared) expect(exampleText).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
