import { describe, expect, it } from 'vitest';
import { publishSessionFaq, unpublishSessionFaq } from '@skillverse/domain/contracts/live';
import { endedNow } from './session-faq';

const publishSessionFaqInput = publishSessionFaq.input;
const unpublishSessionFaqInput = unpublishSessionFaq.input;

describe('endedNow', () => {
  it('is true only for the update that moves a session to ended', () => {
    expect(endedNow('live', 'ended')).toBe(true);
    expect(endedNow(undefined, 'ended')).toBe(true);
    expect(endedNow('ended', 'ended')).toBe(false);
    expect(endedNow('scheduled', 'live')).toBe(false);
    expect(endedNow('live', 'cancelled')).toBe(false);
  });
});

describe('publishSessionFaq input', () => {
  it('accepts ids and trims them', () => {
    expect(publishSessionFaqInput.parse({ sessionId: ' s1 ', questionId: 'q1', lectureId: 'l04' })).toEqual({
      sessionId: 's1',
      questionId: 'q1',
      lectureId: 'l04',
    });
  });

  it.each([
    [{ sessionId: 's1', questionId: 'q1' }, 'lectureId'],
    [{ sessionId: 's1', questionId: '..', lectureId: 'l1' }, 'questionId'],
    [{ sessionId: 's1', questionId: 'q1', lectureId: 'a/b' }, 'lectureId'],
    [{ sessionId: 's1', questionId: 'q1', lectureId: 'l1', answer: 'client text' }, 'answer'],
  ])('rejects %j, naming %s', (data, field) => {
    const result = publishSessionFaqInput.safeParse(data);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(field);
  });

  it('unpublish takes the session and the question only', () => {
    expect(unpublishSessionFaqInput.safeParse({ sessionId: 's1', questionId: 'q1' }).success).toBe(true);
    expect(
      unpublishSessionFaqInput.safeParse({ sessionId: 's1', questionId: 'q1', lectureId: 'l1' }).success,
    ).toBe(false);
  });
});
