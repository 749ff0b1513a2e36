import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { drawableText, fontFaceFor } from '../lib/pdf-fonts';
import { renderCertificatePdf, winAnsiSafe } from './certificate-pdf';

/** The embedded fonts' names and the text their ToUnicode maps make extractable (hex UTF-16). */
async function embeddedFonts(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  let toUnicode = '';
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) {
      const dict = obj as { get?: (n: PDFName) => unknown };
      const base = dict.get?.(PDFName.of('FontName'));
      if (base) names.push(String(base));
      continue;
    }
    const raw = Buffer.from(obj.contents);
    let text: string;
    try {
      text = inflateSync(raw).toString('latin1');
    } catch {
      text = raw.toString('latin1');
    }
    if (text.includes('begincmap')) toUnicode += text;
  }
  return { names, toUnicode: toUnicode.toUpperCase() };
}

/** Whether every character of `text` is mapped by some ToUnicode CMap (so it can be extracted). */
function extractable(toUnicode: string, text: string): boolean {
  return [...text].every((ch) => {
    if (ch === ' ') return true;
    const hex = Buffer.from(ch, 'utf16le').swap16().toString('hex').toUpperCase();
    return toUnicode.includes(`<${hex}>`);
  });
}

describe('renderCertificatePdf', () => {
  it('renders one landscape page', async () => {
    const bytes = await renderCertificatePdf({
      id: 'AbC123_-xyz',
      userName: 'Zoë Ångström',
      courseTitle:
        'A very long course title that goes on and on to check that it still fits on the page nicely',
      instructorName: 'Ina Instructor',
      issuedAt: new Date('2026-11-20T10:00:00Z'),
      verifyUrl: 'http://localhost:5173/certificates/AbC123_-xyz/verify',
    });
    expect(Buffer.from(bytes.subarray(0, 4)).toString()).toBe('%PDF');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeGreaterThan(height);
  });

  it('marks a revoked certificate as revoked (keyword and banner)', async () => {
    const base = {
      id: 'rev1',
      userName: 'Pat',
      courseTitle: 'Refunded course',
      instructorName: 'Ina',
      issuedAt: new Date('2026-11-20T10:00:00Z'),
      verifyUrl: 'http://localhost:5173/certificates/rev1/verify',
    };
    const revoked = await PDFDocument.load(
      await renderCertificatePdf({
        ...base,
        revoked: { at: new Date('2026-12-01T00:00:00Z'), reason: 'The course purchase was refunded.' },
      }),
    );
    expect(revoked.getKeywords()).toContain('revoked');
    const valid = await PDFDocument.load(await renderCertificatePdf(base));
    expect(valid.getKeywords() ?? '').not.toContain('revoked');
  });

  it.each([
    ['Cyrillic', 'Дмитрий Шостакович', 'NotoSans-Bold'],
    ['Greek', 'Αλέξανδρος Παπαδόπουλος', 'NotoSans-Bold'],
    ['Chinese', '李雷 韩梅梅', 'NotoSansSC'],
    ['Japanese', '山田 はなこ', 'NotoSansSC'],
    ['Arabic', 'محمد العلي', 'NotoNaskhArabic'],
  ])('prints a %s name with an embedded Unicode font, text extractable', async (_script, name, font) => {
    const bytes = await renderCertificatePdf({
      id: 'uni1',
      userName: name,
      courseTitle: 'Введение в Python',
      instructorName: 'Ina',
      issuedAt: new Date('2026-11-20T10:00:00Z'),
      verifyUrl: 'http://localhost:5173/certificates/uni1/verify',
    });
    const { names, toUnicode } = await embeddedFonts(bytes);
    expect(names.some((n) => n.includes(font))).toBe(true);
    if (_script !== 'Arabic') expect(extractable(toUnicode, name)).toBe(true);
    else expect(extractable(toUnicode, 'محمد')).toBe(true); // shaped forms still map back
    expect(extractable(toUnicode, 'Введение')).toBe(true);
    expect(bytes.length).toBeLessThan(150_000); // subset on embed, not the whole font (1.9 MB for CJK)
  });

  it('renders an exchange credential: the skill taught, to whom, and the evidence', async () => {
    const bytes = await renderCertificatePdf({
      id: 'ex1',
      userName: 'Ана Петровић',
      courseTitle: 'Esperanto',
      instructorName: 'Ben',
      issuedAt: new Date('2026-11-20T10:00:00Z'),
      verifyUrl: 'http://localhost:5173/certificates/ex1/verify',
      exchange: { skill: 'Esperanto', partnerName: 'Ben', evidence: '1 held session (60 scheduled minutes)' },
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Skill exchange credential — Esperanto');
    const { toUnicode } = await embeddedFonts(bytes);
    expect(extractable(toUnicode, 'Ана Петровић')).toBe(true);
    expect(extractable(toUnicode, 'to Ben')).toBe(true);
  });

  it('chooses the font by the script of the text and never draws an empty box', async () => {
    expect(fontFaceFor('Zoë')).toBe('sans');
    expect(fontFaceFor('Дмитрий', true)).toBe('sansBold');
    expect(fontFaceFor('Ελένη')).toBe('sans');
    expect(fontFaceFor('Li 李雷')).toBe('cjk');
    expect(fontFaceFor('はなこ')).toBe('cjk');
    expect(fontFaceFor('محمد')).toBe('arabic');
    expect(await drawableText('sans', 'Ivan 김')).toBe('Ivan ?'); // no Hangul font: a documented limit
    expect(await drawableText('cjk', '李雷 Li')).toBe('李雷 Li');
  });

  it('keeps names the standard fonts can draw and folds or replaces the rest', () => {
    expect(winAnsiSafe('Zoë Ångström — “quoted”')).toBe('Zoë Ångström — “quoted”');
    expect(winAnsiSafe('Łukasz Dvořák')).toBe('Lukasz Dvorák');
    expect(winAnsiSafe('李雷')).toBe('??');
  });
});
