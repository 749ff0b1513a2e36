import { describe, expect, it } from 'vitest';
import {
  certificateVerifyPath,
  courseProgress,
  enrollmentId,
  formatMoney,
  formatPrice,
  minorUnitDigits,
  isCourseComplete,
  LOCAL_STRIPE_WEBHOOK_SECRET,
  localCheckoutUrl,
  requiredQuizScore,
  requiresQuiz,
  searchQueryToken,
  searchTokens,
  tokenize,
} from './courses-api';

describe('courseProgress', () => {
  it('is the rounded share of distinct completed lectures', () => {
    expect(courseProgress([], 3)).toBe(0);
    expect(courseProgress(['a'], 3)).toBe(33);
    expect(courseProgress(['a', 'b'], 3)).toBe(67);
    expect(courseProgress(['a', 'a', 'b'], 3)).toBe(67);
  });

  it('reaches 100 only when every lecture is done', () => {
    expect(courseProgress(['a', 'b', 'c'], 3)).toBe(100);
    const many = Array.from({ length: 199 }, (_, i) => `l${i}`);
    expect(courseProgress(many, 200)).toBe(99);
  });

  it('is 0 for a course without lectures and never above 100', () => {
    expect(courseProgress(['a'], 0)).toBe(0);
    expect(courseProgress(['a', 'b', 'c'], 2)).toBe(100);
    expect(courseProgress(['a'], Number.NaN)).toBe(0);
  });
});

describe('isCourseComplete', () => {
  const all = { completedLectureIds: ['a', 'b'] };
  const half = { completedLectureIds: ['a'] };
  const withCert = { totalLectures: 2, certificate: { enabled: true, passingScore: 70 }, quizIds: ['final'] };

  it('needs every lecture', () => {
    expect(isCourseComplete(half, { totalLectures: 2 }, [])).toBe(false);
    expect(isCourseComplete(all, { totalLectures: 2 }, [])).toBe(true);
  });

  it('needs every quiz passed when the course grants a certificate with a passing score', () => {
    expect(isCourseComplete(all, withCert, [])).toBe(false);
    expect(isCourseComplete(all, withCert, ['other'])).toBe(false);
    expect(isCourseComplete(all, withCert, ['final'])).toBe(true);
    expect(isCourseComplete(half, withCert, ['final'])).toBe(false);
  });

  it('does not need the quiz when the certificate is off or the course has no quiz', () => {
    expect(
      isCourseComplete(all, { ...withCert, certificate: { enabled: false, passingScore: 70 } }, []),
    ).toBe(true);
    expect(isCourseComplete(all, { ...withCert, quizIds: [] }, [])).toBe(true);
    expect(requiresQuiz({ ...withCert, certificate: { enabled: true, passingScore: 0 } })).toBe(false);
  });
});

describe('requiredQuizScore', () => {
  it('raises the quiz pass mark to the certificate pass mark when a certificate is granted', () => {
    expect(requiredQuizScore(60, { enabled: true, passingScore: 80 })).toBe(80);
    expect(requiredQuizScore(90, { enabled: true, passingScore: 80 })).toBe(90);
    expect(requiredQuizScore(60, { enabled: false, passingScore: 80 })).toBe(60);
    expect(requiredQuizScore(60, null)).toBe(60);
  });
});

describe('formatPrice', () => {
  it('formats minor units in the currency', () => {
    expect(formatPrice(4999, 'USD')).toBe('$49.99');
    expect(formatPrice(1000, 'usd')).toBe('$10.00');
    expect(formatPrice(1500, 'EUR')).toBe('€15.00');
    expect(formatPrice(1500, 'JPY')).toBe('¥1,500');
  });

  it('says Free for zero', () => {
    expect(formatPrice(0, 'USD')).toBe('Free');
  });

  it('falls back to a plain amount for an unknown currency code', () => {
    expect(formatPrice(250, 'not-a-code')).toBe('2.50 NOT-A-CODE');
  });
});

describe('formatMoney (admin amounts)', () => {
  it('uses each currency’s minor units, not a fixed ÷100', () => {
    expect(formatMoney(123450, 'USD')).toBe('$1,234.50');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(50000, 'krw')).toBe('₩50,000');
    expect(formatMoney(1500, 'KWD')).toBe('KWD 1.500');
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('BHD')).toBe(3);
  });

  it('keeps zero as an amount and formats in the given locale', () => {
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(0, 'JPY')).toBe('¥0');
    expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50 €');
  });

  it('falls back to a plain amount for an unknown currency code', () => {
    expect(formatMoney(250, 'not-a-code')).toBe('2.50 NOT-A-CODE');
    expect(formatMoney(Number.NaN, 'USD')).toBe('$0.00');
  });
});

describe('searchTokens', () => {
  it('lowercases title, tags and instructor name into distinct sorted words', () => {
    expect(searchTokens('Intro to Python', ['data', 'Python'], 'Ana López', 'Programming')).toEqual([
      'ana',
      'data',
      'intro',
      'lopez',
      'lópez',
      'programming',
      'python',
      'to',
    ]);
  });

  it('keeps c++ and c# and drops one-letter words', () => {
    expect(tokenize('C++ & C# in a day')).toEqual(['c#', 'c++', 'day', 'in']);
  });

  it('turns a search box entry into one token', () => {
    expect(searchQueryToken('  Python ')).toBe('python');
    expect(searchQueryToken('learn guitar')).toBe('guitar');
    expect(searchQueryToken('!')).toBeNull();
  });
});

describe('paths and constants', () => {
  it('builds the ids and links the web uses', () => {
    expect(enrollmentId('c1', 'u1')).toBe('c1_u1');
    expect(localCheckoutUrl('p 1')).toBe('/checkout/local?payment=p%201');
    expect(certificateVerifyPath('abc')).toBe('/certificates/abc/verify');
    expect(LOCAL_STRIPE_WEBHOOK_SECRET).toBe('whsec_skillverse_local_emulator_only');
  });
});
