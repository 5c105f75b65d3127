import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../identity/identity.js';
import { type PublicationContent, checkPublication, publicationFields } from './content.js';

const CODE = `91140100MA0K6A2C3${creditCodeCheckChar('91140100MA0K6A2C3')}`;

const keys = (fields: ReturnType<typeof publicationFields>) => fields.map((f) => f.key);
const required = (fields: ReturnType<typeof publicationFields>) => fields.filter((f) => f.required).map((f) => f.key);

const PENALTY_SUMMARY: PublicationContent['fields'] = {
  agency: '太原市生态环境局',
  target: '太原恒达化工有限公司',
  category: '行政处罚',
  conclusion: '罚款人民币二十万元',
  decisionDate: '2026-03-02',
  decisionNumber: '晋环罚〔2026〕12号',
  partyName: '太原恒达化工有限公司',
  creditCode: CODE,
  legalRepresentative: '王伟华',
  facts: '超标排放大气污染物',
  result: '罚款人民币二十万元',
  legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
};

describe('PUB-3 · SX25-P 17; SX19-P 14: every summary', () => {
  it.each(['penalty', 'inspection', 'coercion', 'permit'] as const)('PUB-3: a %s summary has subject, target, category, conclusion and date', (type) => {
    expect(keys(publicationFields(type)).slice(0, 5)).toEqual(['agency', 'target', 'category', 'conclusion', 'decisionDate']);
  });

  it('PUB-3: each field carries its basis', () => {
    expect(publicationFields('penalty').find((f) => f.key === 'target')?.basis).toBe('SX25-P 第十七条；SX19-P 第十四条；MEE19 一（三）1');
  });
});

describe('PUB-3 per action type', () => {
  it('PUB-3 · SX25-P 15: a penalty summary under SX25 needs number, party, code and legal representative, facts, result, basis', () => {
    expect(required(publicationFields('penalty', { profile: 'SX25' }))).toEqual([
      'agency', 'target', 'category', 'conclusion', 'decisionDate', 'decisionNumber', 'partyName', 'creditCode', 'legalRepresentative', 'facts', 'result', 'legalBasis',
    ]);
  });

  it('PUB-3 · GS-P 7(二), 8: under GS19 the decision name, violation type, penalty category, fine and validity are required too', () => {
    const gs = required(publicationFields('penalty', { profile: 'GS19' }));
    expect(gs).toEqual(expect.arrayContaining(['documentName', 'violationType', 'penaltyCategory', 'fineAmount', 'validity']));
    expect(gs).not.toContain('execution'); // XX-P 9(一) only
    expect(required(publicationFields('penalty', { profile: 'XX19' }))).toEqual(expect.arrayContaining(['evidence', 'execution']));
  });

  it('PUB-3 · XX-P 9(三): inspection results — basis, method, time, items, problems, rectification, outcome', () => {
    expect(keys(publicationFields('inspection'))).toEqual(
      expect.arrayContaining(['basis', 'method', 'inspectionTime', 'items', 'spotCheckContent', 'problems', 'rectification', 'outcome']),
    );
    // named only by XX-P: recommended elsewhere
    expect(publicationFields('inspection', { profile: 'SX25' }).find((f) => f.key === 'problems')?.required).toBe(false);
    expect(publicationFields('inspection', { profile: 'XX19' }).find((f) => f.key === 'problems')?.required).toBe(true);
  });

  it('PUB-3 · XX-P 9(二): coercion — measure, method, result', () => {
    expect(keys(publicationFields('coercion')).slice(5)).toEqual(['measureDecision', 'executionMethod', 'executionResult']);
  });

  it('PUB-3 · GS-P 7(一): permit — document, category, licence name and number, content, validity', () => {
    expect(required(publicationFields('permit', { profile: 'GS19' })).slice(5)).toEqual([
      'documentName', 'documentNumber', 'permitCategory', 'licenceName', 'licenceNumber', 'permitContent', 'validity',
    ]);
  });
});

describe('PUB-3: checkPublication', () => {
  it('a complete SX25 penalty summary of an organisation passes', () => {
    expect(checkPublication({ actionType: 'penalty', form: 'summary', partyKind: 'organisation', profile: 'SX25', fields: PENALTY_SUMMARY })).toEqual([]);
  });

  it('PUB-3 · SX25-P 15(二): missing credit code and legal representative are reported with their basis', () => {
    const { creditCode: _c, legalRepresentative: _l, ...rest } = PENALTY_SUMMARY;
    const missing = checkPublication({ actionType: 'penalty', form: 'summary', partyKind: 'organisation', profile: 'SX25', fields: rest });
    expect(missing.map((m) => m.id)).toEqual(['creditCode', 'legalRepresentative']);
    expect(missing[0]?.basis).toContain('SX25-P 第十五条（二）');
  });

  it('a natural person needs no credit code or legal representative', () => {
    const { creditCode: _c, legalRepresentative: _l, ...rest } = PENALTY_SUMMARY;
    expect(checkPublication({ actionType: 'penalty', form: 'summary', partyKind: 'naturalPerson', profile: 'SX25', fields: { ...rest, partyName: '李某' } })).toEqual([]);
  });

  it('PUB-3 · GS-P 7(二): 罚款金额 is required under GS19 only when a fine is imposed', () => {
    const base: PublicationContent['fields'] = { ...PENALTY_SUMMARY, documentName: '行政处罚决定书', violationType: '超标排放', penaltyCategory: '罚款', validity: '2027-03-02' };
    const gs = (penaltyTypes: string[], fields = base) => checkPublication({ actionType: 'penalty', form: 'summary', partyKind: 'organisation', profile: 'GS19', penaltyTypes, fields });
    expect(gs(['fine']).map((m) => m.id)).toEqual(['fineAmount']);
    expect(gs(['warning'])).toEqual([]);
    expect(gs(['fine'], { ...base, fineAmount: 200000 })).toEqual([]);
  });

  it('NAT-13: an invalid credit code and a malformed date are reported', () => {
    const missing = checkPublication({ actionType: 'penalty', form: 'summary', partyKind: 'organisation', profile: 'SX25', fields: { ...PENALTY_SUMMARY, creditCode: '91140100MA0K6A2C30', decisionDate: '2026/3/2' } });
    expect(missing.map((m) => m.id).sort()).toEqual(['creditCode', 'decisionDate']);
  });

  it('PUB-3 · SX25-P 17: a full publication needs the (redacted) text, the agency, the date and the decision number', () => {
    const missing = checkPublication({ actionType: 'penalty', form: 'full', partyKind: 'organisation', profile: 'SX25', fields: { agency: '太原市生态环境局' } });
    expect(missing.map((m) => m.id)).toEqual(['fullText', 'decisionDate', 'decisionNumber']);
    expect(checkPublication({ actionType: 'penalty', form: 'full', partyKind: 'organisation', fullText: '……', fields: { agency: 'x', decisionDate: '2026-03-02', decisionNumber: 'y' } })).toEqual([]);
  });
});
