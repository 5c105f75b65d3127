import { describe, expect, it } from 'vitest';
import { FACTS, redacted } from './disclosureFixtures.js';
import { originalOf, originalSegments, publishedSegments } from './redactionSegments.js';

const r = redacted(FACTS, [
  { value: '张三', replacement: '张*', kind: 'name', reason: '证人的姓名' },
  { value: '140105199001011234', replacement: '1401**********1234', kind: 'idNumber', reason: '证人的身份证件号码' },
]);

describe('redaction segments (PUB-4 diff)', () => {
  it('rebuilds the original from the published text and the masks', () => {
    expect(originalOf(r)).toBe(FACTS);
  });

  it('marks the masked spans of the original and the replacements of the published text, in order', () => {
    const left = originalSegments(FACTS, r);
    expect(left.map((s) => s.text).join('')).toBe(FACTS);
    expect(left.filter((s) => s.mask).map((s) => [s.text, s.mask!.reason])).toEqual([
      ['张三', '证人的姓名'],
      ['140105199001011234', '证人的身份证件号码'],
    ]);
    const right = publishedSegments(r);
    expect(right.map((s) => s.text).join('')).toBe(r.text);
    expect(right.filter((s) => s.mask).map((s) => s.text)).toEqual(['张*', '1401**********1234']);
  });

  it('marks lifted spans, and survives overlapping or out-of-range marks', () => {
    const lifted = { ...r.masks[0]!, liftReason: '证人同意', ground: 'thirdPartyConsent' as const };
    const segs = originalSegments(FACTS, { masks: [r.masks[1]!, { ...r.masks[1]!, start: r.masks[1]!.start + 2 }], lifted: [lifted] });
    expect(segs.map((s) => s.text).join('')).toBe(FACTS);
    expect(segs.find((s) => s.lifted)?.text).toBe('张三');
    expect(segs.filter((s) => s.mask)).toHaveLength(1);
    expect(originalSegments('短', { masks: [{ ...r.masks[0]!, start: 5, end: 9 }], lifted: [] })).toEqual([{ text: '短' }]);
  });
});
