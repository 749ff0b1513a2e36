import { describe, expect, it } from 'vitest';
import {
  bestScore,
  csvField,
  firstStudentPage,
  hasNextPage,
  isStudentSort,
  nextPage,
  previousPage,
  type StudentRow,
  startAfterFor,
  studentsCsv,
  studentsCsvFileName,
  withPageEnd,
} from './students';

const row = (over: Partial<StudentRow> = {}): StudentRow => ({
  uid: 'u1',
  name: 'Ada Lovelace',
  status: 'active',
  source: 'stripe',
  progress: 42.4,
  enrolledAt: new Date('2026-11-01T10:00:00Z'),
  lastActivityAt: new Date('2026-12-01T08:30:00Z'),
  bestQuizScore: 90,
  completedAt: null,
  ...over,
});

describe('csvField', () => {
  it('leaves plain text alone and writes nothing for null', () => {
    expect(csvField('Ada')).toBe('Ada');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('Ada "the first" L')).toBe('"Ada ""the first"" L"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('defuses spreadsheet formulas (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers are numbers, not text: a negative number is not a formula.
    expect(csvField(-2)).toBe('-2');
  });

  it('keeps Unicode names as they are', () => {
    expect(csvField('Дмитрий 山田')).toBe('Дмитрий 山田');
  });
});

describe('studentsCsv', () => {
  it('writes a header and one CRLF-separated line per learner', () => {
    const csv = studentsCsv([
      row(),
      row({
        uid: 'u2',
        name: 'Grace, "Amazing" Hopper',
        bestQuizScore: null,
        source: 'free',
        lastActivityAt: null,
      }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'Name,Learner ID,Status,Enrolment source,Progress %,Best quiz score %,Last activity (UTC),Enrolled (UTC),Completed (UTC)',
    );
    expect(lines[1]).toBe(
      'Ada Lovelace,u1,active,Purchase,42,90,2026-12-01T08:30:00.000Z,2026-11-01T10:00:00.000Z,',
    );
    expect(lines[2]).toBe(
      '"Grace, ""Amazing"" Hopper",u2,active,Free enrolment,42,,,2026-11-01T10:00:00.000Z,',
    );
  });

  it('a header alone when there are no learners', () => {
    expect(studentsCsv([]).split('\r\n')).toHaveLength(1);
  });
});

describe('studentsCsvFileName', () => {
  it('slugs the title and dates the file', () => {
    expect(studentsCsvFileName('Intro to TypeScript: Part 1!', new Date('2026-12-07T12:00:00Z'))).toBe(
      'intro-to-typescript-part-1-students-2026-12-07.csv',
    );
    expect(studentsCsvFileName('   ', new Date('2026-12-07T12:00:00Z'))).toBe(
      'course-students-2026-12-07.csv',
    );
  });
});

describe('cursor paging', () => {
  it('remembers each page end, goes forward only past a full page and back without offsets', () => {
    let p = firstStudentPage<string>();
    expect(startAfterFor(p)).toBeUndefined();
    p = withPageEnd(p, 'doc25');
    expect(hasNextPage(25)).toBe(true);
    expect(hasNextPage(24)).toBe(false);
    p = nextPage(p);
    expect(p.page).toBe(1);
    expect(startAfterFor(p)).toBe('doc25');
    p = withPageEnd(p, 'doc50');
    p = nextPage(p);
    expect(startAfterFor(p)).toBe('doc50');
    p = previousPage(previousPage(previousPage(p)));
    expect(p.page).toBe(0);
    expect(startAfterFor(p)).toBeUndefined();
  });

  it('does not advance past a page whose end is unknown', () => {
    const p = firstStudentPage<string>();
    expect(nextPage(p)).toBe(p);
  });
});

describe('sorts and scores', () => {
  it('knows its sort keys', () => {
    expect(isStudentSort('progress')).toBe(true);
    expect(isStudentSort('uid')).toBe(false);
  });

  it('bestScore keeps the maximum, clamped to 0–100', () => {
    expect(bestScore(null, 70)).toBe(70);
    expect(bestScore(80, 70)).toBe(80);
    expect(bestScore(80, 95.4)).toBe(95);
    expect(bestScore(undefined, 140)).toBe(100);
  });
});
