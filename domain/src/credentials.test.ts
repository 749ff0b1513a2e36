import { describe, expect, it } from 'vitest';
import { describeAuditAction } from './accounts-api';
import {
  base64urlToBytes,
  buildOpenBadgeCredential,
  buildDidDocument,
  buildStatusListCredential,
  bytesToBase64url,
  credentialIssuedToEmail,
  emailIdentityHash,
  issuerDid,
  thumbprintFromKid,
  type CredentialSource,
  credentialFromPayload,
  credentialJwtPayload,
  credentialPayloadProblems,
  emptyStatusList,
  exchangeCredentialEligibility,
  heldSessionsText,
  sessionEvidenceLines,
  fromMultibase,
  getStatusBit,
  jwsSigningInput,
  linkedInAddToProfileUrl,
  OB3_CONTEXT,
  parseCompactJws,
  STATUS_LIST_SIZE,
  setStatusBit,
  toMultibase,
  VC_CONTEXT_V2,
} from './credentials';

const urls = { appUrl: 'https://app.example', badgesUrl: 'https://fn.example/openBadges' };
const course: CredentialSource = {
  certificateId: 'cert123',
  kind: 'course',
  uid: 'u1',
  userName: 'Lea Learner',
  issuedAt: new Date('2026-03-04T05:06:07.000Z'),
  courseId: 'c1',
  courseTitle: 'Intro to Python',
  instructorName: 'Ina Instructor',
};

describe('buildOpenBadgeCredential', () => {
  it('builds an OB 3.0 OpenBadgeCredential with VC 2.0 context, issuer profile, achievement and status entry', () => {
    const c = buildOpenBadgeCredential(course, 42, urls);
    expect(c['@context']).toEqual([VC_CONTEXT_V2, OB3_CONTEXT]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toBe('https://app.example/certificates/cert123/verify');
    expect(c.issuer).toEqual({
      id: 'did:web:app.example',
      type: ['Profile'],
      name: 'SkillVerse',
      url: 'https://app.example',
    });
    expect(c.validFrom).toBe('2026-03-04T05:06:07.000Z');
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(c.credentialSubject.name).toBe('Lea Learner');
    expect(c.credentialSubject.achievement.name).toBe('Intro to Python');
    expect(c.credentialSubject.achievement.achievementType).toBe('Certificate');
    expect(c.credentialStatus).toEqual({
      id: 'https://fn.example/openBadges/status/revocation-1#42',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: 'https://fn.example/openBadges/status/revocation-1',
    });
    expect(c.evidence).toBeUndefined();
  });

  it('adds evidence for an exchange credential and names the skill taught', () => {
    const c = buildOpenBadgeCredential(
      {
        ...course,
        kind: 'exchange',
        courseId: '',
        courseTitle: 'Guitar',
        skill: 'Guitar',
        exchangeId: 'ex1',
        partnerName: 'Pat',
        evidence: { heldSessions: 3, heldMinutes: 150, ratingReceived: 5, ratingGiven: 4, completedAt: null },
      },
      0,
      urls,
    );
    expect(c.credentialSubject.achievement.name).toBe('Peer teaching: Guitar');
    expect(c.credentialSubject.achievement.achievementType).toBe('Competency');
    expect(c.evidence).toEqual([
      {
        id: 'https://app.example/skill-exchange/ex1',
        type: ['Evidence'],
        name: 'Completed skill exchange',
        description:
          '3 held sessions (150 scheduled minutes): 3 self-reported: confirmed by both people after it ended, not observed; rated 5/5 by the learner, rated them 4/5.',
      },
    ]);
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('issuer did:web, key URLs and recipient identity (issue 19)', () => {
  it('derives the did:web from the app host, percent-encoding a port', () => {
    expect(issuerDid(urls)).toBe('did:web:app.example');
    expect(issuerDid({ appUrl: 'http://127.0.0.1:5173', badgesUrl: 'x' })).toBe('did:web:127.0.0.1%3A5173');
  });

  it('reads the thumbprint from a kid URL or a bare (older) kid, and nothing from junk', () => {
    const t = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
    expect(thumbprintFromKid(`https://fn.example/openBadges/keys/${t}`)).toBe(t);
    expect(thumbprintFromKid(t)).toBe(t);
    expect(thumbprintFromKid('https://evil.example/../x')).toBe('');
  });

  it('hashes the normalised email with the salt and answers "issued to this email?"', () => {
    const salt = 'abc123';
    const hash = emailIdentityHash('  Lea@Example.COM ', salt);
    expect(hash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(hash).toBe(emailIdentityHash('lea@example.com', salt));
    const c = buildOpenBadgeCredential({ ...course, recipient: { identityHash: hash, salt } }, 1, urls);
    expect(c.credentialSubject.identifier?.[0]).toMatchObject({
      type: 'IdentityObject',
      identityType: 'emailAddress',
    });
    expect(credentialIssuedToEmail(c, 'LEA@example.com')).toBe(true);
    expect(credentialIssuedToEmail(c, 'other@example.com')).toBe(false);
    expect(credentialIssuedToEmail(buildOpenBadgeCredential(course, 1, urls), 'lea@example.com')).toBe(false);
  });

  it('lists every key in the did:web document as a JsonWebKey2020 assertion method', () => {
    const doc = buildDidDocument(urls, [
      { thumbprint: 'T1', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } },
    ]);
    expect(doc).toMatchObject({
      id: 'did:web:app.example',
      verificationMethod: [
        { id: 'did:web:app.example#T1', type: 'JsonWebKey2020', controller: 'did:web:app.example' },
      ],
      assertionMethod: ['did:web:app.example#T1'],
    });
  });
});

describe('VC-JWT payload', () => {
  it('adds iss, sub and nbf (no jti) that agree with the credential, and strips them back off', () => {
    const c = buildOpenBadgeCredential(course, 1, urls);
    const payload = credentialJwtPayload(c);
    expect(payload).toMatchObject({
      iss: c.issuer.id,
      sub: c.credentialSubject.id,
      nbf: 1772600767,
    });
    expect(payload.jti).toBeUndefined();
    expect(credentialPayloadProblems(payload)).toEqual([]);
    expect(credentialFromPayload(payload)).toEqual(c);
  });

  it('reports a payload whose claims disagree with the credential', () => {
    const payload = { ...credentialJwtPayload(buildOpenBadgeCredential(course, 1, urls)), jti: 'other' };
    expect(credentialPayloadProblems(payload)).toEqual(['jti does not match id']);
    expect(credentialPayloadProblems({ iss: 'x' })).toContain('not an OpenBadgeCredential');
  });

  it('parses a compact JWS into header, payload and the exact signing input', () => {
    const input = jwsSigningInput({ alg: 'EdDSA', kid: 'k' }, { a: 'é' });
    const parsed = parseCompactJws(`${input}.${bytesToBase64url(new Uint8Array([1, 2, 3]))}`);
    expect(parsed.header).toEqual({ alg: 'EdDSA', kid: 'k' });
    expect(parsed.payload).toEqual({ a: 'é' });
    expect(new TextDecoder().decode(parsed.signingInput)).toBe(input);
    expect([...parsed.signature]).toEqual([1, 2, 3]);
  });

  it('rejects malformed compact JWS', () => {
    expect(() => parseCompactJws('a.b')).toThrow('three parts');
    expect(() => parseCompactJws('***.e30.AA')).toThrow('base64url');
    expect(() => parseCompactJws(`${bytesToBase64url(new TextEncoder().encode('{}'))}.e30.AA`)).toThrow(
      'alg',
    );
  });

  it('round-trips base64url without padding', () => {
    const bytes = new Uint8Array(300).map((_, i) => (i * 37) % 256);
    const text = bytesToBase64url(bytes);
    expect(text).not.toMatch(/[+/=]/);
    expect([...base64urlToBytes(text)]).toEqual([...bytes]);
  });
});

describe('Bitstring status list', () => {
  it('is 16 KiB and starts all clear', () => {
    const bits = emptyStatusList();
    expect(bits.length * 8).toBe(STATUS_LIST_SIZE);
    expect(getStatusBit(bits, 0)).toBe(false);
  });

  it('numbers bits from the most significant bit of the first byte', () => {
    const bits = setStatusBit(emptyStatusList(16), 0);
    expect([...bits]).toEqual([0x80, 0]);
    const more = setStatusBit(bits, 15);
    expect([...more]).toEqual([0x80, 0x01]);
    expect(getStatusBit(more, 15)).toBe(true);
    expect(getStatusBit(more, 14)).toBe(false);
    expect([...setStatusBit(more, 0, false)]).toEqual([0, 0x01]);
    expect([...bits]).toEqual([0x80, 0]); // setStatusBit copies
  });

  it('refuses indexes outside the list', () => {
    expect(() => getStatusBit(emptyStatusList(8), 8)).toThrow(RangeError);
    expect(() => setStatusBit(emptyStatusList(8), -1)).toThrow(RangeError);
  });

  it('encodes as multibase base64url and back', () => {
    const data = new Uint8Array([31, 139, 8, 0, 255]);
    expect(toMultibase(data)).toBe(`u${bytesToBase64url(data)}`);
    expect([...fromMultibase(toMultibase(data))]).toEqual([...data]);
    expect(() => fromMultibase('z123')).toThrow('multibase');
  });

  it('builds the status list credential the entries point at', () => {
    const list = buildStatusListCredential(urls, 'uABC', new Date('2026-01-01T00:00:00Z'));
    expect(list.id).toBe(buildOpenBadgeCredential(course, 0, urls).credentialStatus.statusListCredential);
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.credentialSubject).toMatchObject({
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: 'uABC',
    });
  });
});

describe('exchangeCredentialEligibility', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  const past = new Date('2026-04-01T00:00:00Z');
  const base = {
    status: 'completed',
    participants: ['a', 'b'],
    ratingsGiven: { a: 5, b: 4 },
    sessions: [
      { status: 'held', scheduledAt: past, durationMin: 60, evidence: 'self-reported' },
      { status: 'held', scheduledAt: past, durationMin: 45, evidence: 'observed', observedMinutes: 40 },
      { status: 'cancelled', scheduledAt: past, durationMin: 60 },
      // A client-written 'completed' (legacy) is no evidence.
      { status: 'completed', scheduledAt: past, durationMin: 60 },
      { status: 'held', scheduledAt: new Date('2026-06-01T00:00:00Z'), durationMin: 60 },
    ],
    completedAt: past,
    now,
  };

  it('is eligible with held sessions and both ratings at least 4, counting only held sessions', () => {
    expect(exchangeCredentialEligibility(base)).toEqual({
      eligible: true,
      heldSessions: 2,
      heldMinutes: 105,
      selfReportedSessions: 1,
      observedSessions: 1,
      observedMinutes: 40,
      sessions: [
        { evidence: 'self-reported', observedMinutes: null, scheduledMinutes: 60 },
        { evidence: 'observed', observedMinutes: 40, scheduledMinutes: 45 },
      ],
    });
  });

  it('names each held session and how it was known, in the evidence text', () => {
    const result = exchangeCredentialEligibility(base);
    if (!result.eligible) throw new Error('eligible expected');
    const text = heldSessionsText({ ...result, ratingReceived: 5, ratingGiven: 4, completedAt: past });
    expect(text).toBe(
      '2 held sessions (105 scheduled minutes): Session 1 — self-reported by both (not observed); Session 2 — observed: 40 min',
    );
    expect(
      sessionEvidenceLines([{ evidence: 'observed', observedMinutes: 12, scheduledMinutes: 60 }]),
    ).toEqual(['Session 1 — observed: 12 min']);
  });

  it.each([
    [{ status: 'active' }, 'not completed'],
    [{ ratingsGiven: { a: 5 } }, 'waiting for both ratings'],
    [{ ratingsGiven: { a: 5, b: 3 } }, 'below 4'],
    [{ sessions: [{ status: 'scheduled', scheduledAt: past, durationMin: 60 }] }, 'no held session'],
    [{ sessions: [] }, 'no held session'],
  ])('is not eligible with %j (%s)', (change, reason) => {
    const result = exchangeCredentialEligibility({ ...base, ...change });
    expect(result.eligible).toBe(false);
    expect(result.eligible ? '' : result.reason).toContain(reason);
  });
});

describe('linkedInAddToProfileUrl', () => {
  it('pre-fills name, organisation, issue year and month, URL and id', () => {
    const url = new URL(
      linkedInAddToProfileUrl({
        name: 'Intro to Python',
        organizationName: 'SkillVerse',
        issuedAt: new Date('2026-03-04T05:06:07.000Z'),
        certUrl: 'https://app.example/certificates/cert123/verify',
        certId: 'cert123',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Intro to Python',
      organizationName: 'SkillVerse',
      issueYear: '2026',
      issueMonth: '3',
      certUrl: 'https://app.example/certificates/cert123/verify',
      certId: 'cert123',
    });
  });
});

describe('audit entry of a revocation', () => {
  it('reads as a sentence with the certificate and the reason', () => {
    expect(
      describeAuditAction({
        action: 'credential.revoke',
        details: { certificateId: 'abc', reason: 'Forged' },
      }),
    ).toBe('revoked the credential abc (Forged)');
  });
});
