import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf, winAnsiSafe } from './certificate-pdf';

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

  it('keeps names the standard fonts can draw and folds or replaces the rest', () => {
    expect(winAnsiSafe('Zoë Ångström — “quoted”')).toBe('Zoë Ångström — “quoted”');
    expect(winAnsiSafe('Łukasz Dvořák')).toBe('Lukasz Dvorák');
    expect(winAnsiSafe('李雷')).toBe('??');
  });
});
