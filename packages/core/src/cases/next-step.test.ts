import { describe, expect, it } from 'vitest';
import { completeCase, inputFor } from './fixtures.js';
import { nextLawfulStep } from './next-step.js';

describe('REC-3 · the next lawful step of a case, with its citation by full title', () => {
  it('REC-3 · GS-R 7: a penalty case just filed — the 立案审批表 comes first, cited by the document\u2019s full title, no internal ids', () => {
    const bare = { ...completeCase('penalty'), documents: [], services: [] };
    const step = nextLawfulStep(inputFor(bare, 'initiation'));
    expect(step).toMatchObject({ action: 'document', documentKind: 'filingApproval', documentName: '立案审批表' });
    expect(step!.title).toContain('下一步：立案审批表');
    // A 山西 agency (SX25) is cited its own and national rules only; a 甘肃 agency also its GS-R 第七条.
    expect(step!.citation).toBe('《生态环境行政处罚办法》第十八条');
    expect(nextLawfulStep(inputFor(bare, 'initiation', 'GS19'))!.citation).toBe('《甘肃省生态环境系统行政执法全过程记录实施办法》第七条第一款；《生态环境行政处罚办法》第十八条');
    expect(`${step!.title}${step!.detail}${step!.citation}`).not.toMatch(/GS-R|EPPM|APL|REC-|NAT-|待确认/);
  });

  it('REC-3 · SX25-R 3: a stage with everything recorded — the next step is to move on, citing the stage order', () => {
    const step = nextLawfulStep(inputFor(completeCase('inspection'), 'initiation'));
    expect(step).toMatchObject({ action: 'advance', title: '下一步：进入“调查取证”环节' });
    expect(step!.citation).toBe('《生态环境系统行政执法全过程记录办法》第三条');
  });

  it('REC-16: an archived case has no next step', () => {
    expect(nextLawfulStep({ ...inputFor(completeCase('penalty'), 'archive'), snapshot: { ...completeCase('penalty'), state: 'archived' } })).toBeNull();
  });
});
