// certificatePdf: GET ?id= → a one-page landscape PDF of a certificate, rendered on request with
// pdf-lib. Public like the verification page (the id is the unguessable key).
import { certificateVerifyPath } from '@skillverse/domain/courses-api';
import { heldSessionsText } from '@skillverse/domain/credentials';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type { PDFFont } from '@cantoo/pdf-lib';
import { toDate } from '../lib/firestore';
import { str } from '@skillverse/domain/fields';
import { certificateRef } from '../lib/data/certificates';
import type { HttpRequestLike, HttpResponseLike } from '../lib/http';
import { lazyModule } from '../lib/lazy-module';
import { drawableText, fontFaceFor, unicodeFonts } from '../lib/pdf-fonts';

/** pdf-lib, loaded by certificatePdf's first request only (lib/lazy-module.ts says why). */
const pdfLib = lazyModule(() => require('@cantoo/pdf-lib') as typeof import('@cantoo/pdf-lib'));

export interface CertificateView {
  id: string;
  userName: string;
  courseTitle: string;
  instructorName: string;
  issuedAt: Date;
  verifyUrl: string;
  /** Set when the certificate was revoked (an admin, or a refund): the PDF says so across the page. */
  revoked?: { at: Date; reason: string } | null;
  /** An exchange credential: the skill the holder taught, to whom, and the evidence line. */
  exchange?: { skill: string; partnerName: string; evidence: string } | null;
}

const CERTIFICATE_ID = /^[A-Za-z0-9_-]{1,128}$/;

// The standard PDF fonts speak WinAnsi. Keep Latin-1 and common punctuation; fold other
// accented letters to their base letter; replace anything else.
const EXTRA_WINANSI = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
const NO_DECOMPOSITION: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h' };

export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA_WINANSI.has(ch)) {
      out += ch;
      continue;
    }
    const folded = (NO_DECOMPOSITION[ch] ?? ch).normalize('NFD').replace(/\p{Diacritic}/gu, '');
    out +=
      [...folded].every((c) => (c.codePointAt(0) ?? 0) <= 0x7e && (c.codePointAt(0) ?? 0) >= 0x20) && folded
        ? folded
        : '?';
  }
  return out;
}

/** Shrinks the font size until `text` fits `maxWidth`. */
function fitSize(font: PDFFont, text: string, size: number, maxWidth: number, min = 12): number {
  let s = size;
  while (s > min && font.widthOfTextAtSize(text, s) > maxWidth) s -= 1;
  return s;
}

function truncateToWidth(font: PDFFont, text: string, size: number, maxWidth: number): string {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > maxWidth) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

export async function renderCertificatePdf(view: CertificateView): Promise<Uint8Array> {
  const { PDFDocument, rgb, StandardFonts } = pdfLib();
  const pdf = await PDFDocument.create();
  const exchange = view.exchange ?? null;
  pdf.setTitle(
    exchange ? `Skill exchange credential — ${exchange.skill}` : `Certificate — ${view.courseTitle}`,
  );
  pdf.setAuthor('SkillVerse');
  pdf.setSubject(
    exchange
      ? `Skill exchange credential for ${view.userName}`
      : `Certificate of completion for ${view.userName}`,
  );
  pdf.setCreator('SkillVerse certificatePdf');
  pdf.setCreationDate(view.issuedAt);

  const page = pdf.addPage([842, 595]); // A4 landscape, points
  const { width, height } = page.getSize();
  const serifBold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const sans = await pdf.embedFont(StandardFonts.Helvetica);
  const sansBold = await pdf.embedFont(StandardFonts.HelveticaBold);
  // What people typed (names, titles, skills) is drawn in an embedded Unicode font chosen by script.
  const unicode = await unicodeFonts(pdf);
  const ink = rgb(0.11, 0.13, 0.2);
  const muted = rgb(0.38, 0.42, 0.5);
  const accent = rgb(0.31, 0.27, 0.9);
  const maxWidth = width - 160;

  page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(0.98, 0.98, 1) });
  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: accent,
    borderWidth: 3,
  });
  page.drawRectangle({
    x: 34,
    y: 34,
    width: width - 68,
    height: height - 68,
    borderColor: rgb(0.78, 0.8, 0.95),
    borderWidth: 1,
  });

  const centred = (text: string, y: number, font: PDFFont, size: number, color = ink) => {
    const safe = truncateToWidth(font, winAnsiSafe(text), size, maxWidth);
    page.drawText(safe, { x: (width - font.widthOfTextAtSize(safe, size)) / 2, y, size, font, color });
  };

  /** Centred text someone typed, in the Unicode font for its script, shrunk (then cut) to fit. */
  const typed = async (text: string, y: number, size: number, bold = false, color = ink) => {
    const face = fontFaceFor(text, bold);
    const font = await unicode(face);
    const drawable = await drawableText(face, text.normalize('NFC'));
    const s = fitSize(font, drawable, size, maxWidth);
    const fitted = truncateToWidth(font, drawable, s, maxWidth);
    page.drawText(fitted, { x: (width - font.widthOfTextAtSize(fitted, s)) / 2, y, size: s, font, color });
  };

  centred('SKILLVERSE', height - 92, sansBold, 16, accent);
  centred(exchange ? 'Skill Exchange Credential' : 'Certificate of Completion', height - 150, serifBold, 40);
  centred('This certifies that', height - 200, sans, 14, muted);
  await typed(view.userName, height - 252, 36, true);
  page.drawLine({
    start: { x: width / 2 - 180, y: height - 266 },
    end: { x: width / 2 + 180, y: height - 266 },
    thickness: 1,
    color: rgb(0.78, 0.8, 0.95),
  });
  if (exchange) {
    centred('taught, in a SkillVerse skill exchange,', height - 300, sans, 14, muted);
    await typed(exchange.skill, height - 342, 28);
    await typed(`to ${exchange.partnerName}`, height - 374, 14, false, muted);
    await typed(exchange.evidence, height - 398, 10, false, muted);
  } else {
    centred('has successfully completed the course', height - 300, sans, 14, muted);
    await typed(view.courseTitle, height - 342, 28);
    await typed(`taught by ${view.instructorName}`, height - 374, 14, false, muted);
  }

  const date = view.issuedAt.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  page.drawText('Issued', { x: 90, y: 120, size: 10, font: sans, color: muted });
  page.drawText(date, { x: 90, y: 100, size: 14, font: sansBold, color: ink });
  const idLabel = 'Certificate ID';
  page.drawText(idLabel, {
    x: width - 90 - sans.widthOfTextAtSize(idLabel, 10),
    y: 120,
    size: 10,
    font: sans,
    color: muted,
  });
  const id = winAnsiSafe(view.id);
  page.drawText(id, {
    x: width - 90 - sansBold.widthOfTextAtSize(id, 12),
    y: 100,
    size: 12,
    font: sansBold,
    color: ink,
  });
  centred(`Verify at ${view.verifyUrl}`, 60, sans, 10, muted);

  if (view.revoked) {
    const red = rgb(0.75, 0.1, 0.12);
    page.drawRectangle({
      x: 60,
      y: height / 2 - 40,
      width: width - 120,
      height: 80,
      color: rgb(1, 0.93, 0.93),
      borderColor: red,
      borderWidth: 2,
      opacity: 0.92,
    });
    centred('REVOKED', height / 2 + 2, sansBold, 34, red);
    const on = view.revoked.at.toLocaleDateString('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    centred(`Revoked on ${on}: ${view.revoked.reason}`, height / 2 - 26, sans, 12, red);
    pdf.setKeywords(['revoked']);
  }

  return pdf.save();
}

/** The exchange credential's evidence, as the verify page states it (never more than observed). */
function exchangeEvidenceLine(evidence: unknown): string {
  if (!evidence || typeof evidence !== 'object') return '';
  const e = evidence as Record<string, unknown>;
  if (typeof e.heldSessions !== 'number') return '';
  try {
    return heldSessionsText({
      heldSessions: e.heldSessions,
      heldMinutes: typeof e.heldMinutes === 'number' ? e.heldMinutes : 0,
      ...(typeof e.selfReportedSessions === 'number' ? { selfReportedSessions: e.selfReportedSessions } : {}),
      ...(typeof e.observedSessions === 'number' ? { observedSessions: e.observedSessions } : {}),
      ...(typeof e.observedMinutes === 'number' ? { observedMinutes: e.observedMinutes } : {}),
      ratingReceived: typeof e.ratingReceived === 'number' ? e.ratingReceived : 0,
      ratingGiven: typeof e.ratingGiven === 'number' ? e.ratingGiven : 0,
      completedAt: null,
    });
  } catch {
    return '';
  }
}

/** The whole onRequest handler: 405 / 400 (no id) / 404 (unknown id) / 200 application/pdf. */
export async function handleCertificatePdf(
  deps: { db: Firestore; appUrl: string },
  req: HttpRequestLike,
  res: HttpResponseLike,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.status(405).set('Allow', 'GET, HEAD').send('Use GET.');
    return;
  }
  const raw = req.query.id;
  const id = typeof raw === 'string' ? raw.trim() : '';
  if (!id) {
    res
      .status(400)
      .set('Content-Type', 'text/plain; charset=utf-8')
      .send('Missing ?id= (the certificate id).');
    return;
  }
  const snap = CERTIFICATE_ID.test(id) ? await certificateRef(deps.db, id).get() : null;
  if (!snap?.exists) {
    res
      .status(404)
      .set('Content-Type', 'text/plain; charset=utf-8')
      .set('Cache-Control', 'no-store')
      .send('No certificate has this id.');
    return;
  }
  try {
    const revocation = snap.get('revocation') as { revokedAt?: unknown; reason?: unknown } | null | undefined;
    const revokedAt = revocation ? toDate(revocation.revokedAt) : null;
    const kind = snap.get('kind') === 'exchange' ? 'exchange' : 'course';
    const evidence = snap.get('evidence');
    const bytes = await renderCertificatePdf({
      id,
      exchange:
        kind === 'exchange'
          ? {
              skill: str(snap.get('skill'), str(snap.get('courseTitle'), 'a skill')),
              partnerName: str(
                snap.get('partnerName'),
                str(snap.get('instructorName'), 'a SkillVerse member'),
              ),
              evidence: exchangeEvidenceLine(evidence),
            }
          : null,
      userName: str(snap.get('userName'), 'SkillVerse learner'),
      courseTitle: str(snap.get('courseTitle'), 'a SkillVerse course'),
      instructorName: str(snap.get('instructorName'), 'SkillVerse'),
      issuedAt: toDate(snap.get('issuedAt')) ?? new Date(0),
      verifyUrl: `${deps.appUrl.replace(/\/$/, '')}${certificateVerifyPath(id)}`,
      revoked: revokedAt
        ? { at: revokedAt, reason: str(revocation?.reason, 'Revoked by SkillVerse.') }
        : null,
    });
    res
      .status(200)
      .set('Content-Type', 'application/pdf')
      .set(
        'Content-Disposition',
        `inline; filename="skillverse-${kind === 'exchange' ? 'credential' : 'certificate'}-${id}.pdf"`,
      )
      // A revocation must reach readers soon: short caching, none once revoked.
      .set('Cache-Control', revokedAt ? 'no-store' : 'public, max-age=300, s-maxage=300')
      .set('X-Certificate-Status', revokedAt ? 'revoked' : 'valid')
      .send(Buffer.from(bytes));
  } catch (error) {
    logger.error('certificatePdf: rendering failed', {
      id,
      reason: error instanceof Error ? error.message : String(error),
    });
    res
      .status(500)
      .set('Content-Type', 'text/plain; charset=utf-8')
      .send('The certificate could not be rendered.');
  }
}
