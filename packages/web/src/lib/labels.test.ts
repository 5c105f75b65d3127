import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './labels.js';

describe('audit log in Chinese (issue 15)', () => {
  it.each([
    ['media.ingest', '收存音像记录'],
    ['document.saveDraft', '保存文书草稿'],
    ['review.assign', '法制审核：分配审核人员'],
    ['publication.approve', '执法公示：批准'],
    ['case.somethingNew', '案件办理：其他操作'],
    ['x.y', '其他操作'],
  ])('%s → %s (never the raw key)', (code, label) => {
    expect(auditActionLabel(code)).toBe(label);
  });
});
