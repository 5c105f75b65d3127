/**
 * Test fixture for the portal: agencies of its own (so that the demo data
 * never changes what a test counts) and published decisions written
 * straight into `publications` the way `approvePublication` leaves them —
 * public_* columns filled, search keys from the core, online — or in any
 * other state (withheld, expired, withdrawn) a test needs.
 */
import { childPath, creditCodeCheckChar, publicationFields, searchGrams, searchText, type ActionType, type PublicationStatus } from '@sanxiang/core';
import type { DbOrTx } from '../db/client.js';
import { agencies, publications, type PublicContent, type WithdrawalRecord, type WithholdingRecord } from '../db/schema.js';
import { newId } from '../lib/ids.js';

export type FixtureAgency = typeof agencies.$inferSelect;

/** A valid 统一社会信用代码 from 17 characters. */
export function creditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

let agencySerial = 0;

/** A province → city → branch chain plus a province beside it, with valid credit codes. */
export async function createFixtureAgencies(db: DbOrTx, prefix = '测试'): Promise<{ province: FixtureAgency; city: FixtureAgency; branch: FixtureAgency; other: FixtureAgency }> {
  const make = async (name: string, level: FixtureAgency['level'], parent: FixtureAgency | null): Promise<FixtureAgency> => {
    const id = newId();
    agencySerial += 1;
    const row = {
      id,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      level,
      name,
      creditCode: creditCode(`11990000MB${String(1000000 + agencySerial).slice(-7)}`),
      profileId: 'GS19',
      phone: '0000-0000000',
    };
    const [inserted] = await db.insert(agencies).values(row).returning();
    return inserted!;
  };
  const province = await make(`${prefix}省生态环境厅`, 'province', null);
  const city = await make(`${prefix}市生态环境局`, 'city', province);
  const branch = await make(`${prefix}市生态环境局河西分局`, 'branch', city);
  const other = await make(`${prefix}邻省生态环境厅`, 'province', null);
  return { province, city, branch, other };
}

export interface FixturePublication {
  agency: FixtureAgency;
  actionType?: ActionType;
  party: string;
  decisionNumber: string;
  decisionDate: string;
  /** Published (redacted) texts by field key; the decision number, party and date are filled in. */
  fields?: Record<string, string>;
  form?: 'summary' | 'full';
  fullText?: string;
  corrections?: PublicContent['corrections'];
  status?: PublicationStatus;
  online?: boolean;
  firstPublishedOn?: string;
  removeBy?: string | null;
  publishedAt?: Date;
  withholding?: WithholdingRecord | null;
  withdrawal?: WithdrawalRecord | null;
  title?: string;
}

/** Inserts a publication as the workflow would leave it; returns its id. */
export async function insertPublication(db: DbOrTx, p: FixturePublication): Promise<string> {
  const id = newId();
  const actionType = p.actionType ?? 'penalty';
  const status = p.status ?? 'published';
  const online = p.online ?? (status === 'published' || status === 'withdrawPending' || status === 'submitted');
  const texts: Record<string, string> = {
    agency: p.agency.name,
    target: p.party,
    category: actionType === 'penalty' ? '行政处罚' : actionType,
    decisionDate: p.decisionDate,
    ...(actionType === 'penalty' ? { decisionNumber: p.decisionNumber, partyName: p.party, documentName: '行政处罚决定书' } : {}),
    ...p.fields,
  };
  const content: PublicContent = {
    form: p.form ?? 'summary',
    fields: publicationFields(actionType)
      .filter((d) => (texts[d.key] ?? '').trim() !== '')
      .map((d) => ({ key: d.key, label: d.label, text: texts[d.key]! })),
    fullText: p.form === 'full' ? p.fullText ?? '' : '',
    corrections: p.corrections ?? [],
  };
  const firstPublishedOn = p.firstPublishedOn ?? p.decisionDate;
  const now = p.publishedAt ?? new Date(`${firstPublishedOn}T02:00:00Z`);
  const published = status !== 'draft' && status !== 'submitted' && status !== 'withheld' && status !== 'withholdPending';
  await db.insert(publications).values({
    id,
    caseId: null,
    documentId: null,
    agencyId: p.agency.id,
    agencyPath: p.agency.path,
    agencyName: p.agency.name,
    actionType,
    decisionKind: actionType === 'penalty' ? 'penaltyDecision' : actionType === 'permit' ? 'permitDecision' : actionType === 'inspection' ? 'inspectionRecord' : 'sealSeizeDecision',
    decisionNumber: p.decisionNumber,
    decisionDate: p.decisionDate,
    severity: 'general',
    majorDecision: false,
    status,
    publishBy: p.decisionDate,
    online,
    currentVersion: 1,
    publishedVersion: published ? 1 : null,
    firstPublishedOn: published ? firstPublishedOn : null,
    publishedAt: published ? now : null,
    removeNotBefore: null,
    removeBy: p.removeBy === undefined ? '2027-12-31' : p.removeBy,
    // Filled in every state, so that only the visibility predicate keeps a hidden item hidden.
    publicTitle: p.title ?? `${actionType === 'penalty' ? '行政处罚决定书' : '执法决定'}${p.decisionNumber ? `（${p.decisionNumber}）` : ''}`,
    publicParty: p.party,
    publicContent: content,
    searchGrams: searchGrams([p.party, p.decisionNumber]),
    searchText: searchText([p.party, p.decisionNumber]),
    withholding: p.withholding ?? null,
    withdrawal: p.withdrawal ?? null,
    createdAt: now,
    createdBy: 'fixture',
    updatedAt: now,
  });
  return id;
}

/** An organisation's credit code used by the scenario (valid check digit). */
export const SCENARIO_ORG_CODE = creditCode('91620100MA0K6A2C3');

/**
 * The portal scenario (today 2026-03-02 on the test clock): visible decisions
 * of several types in the fixture agencies, and decisions that must appear
 * nowhere — a draft, a withheld one, one past its window whose expiry job has
 * not run, a withdrawn one (only its notice) and a withdrawn one whose window
 * has ended.
 */
export async function seedPortalScenario(db: DbOrTx) {
  const a = await createFixtureAgencies(db);
  const visible = {
    orgPenalty: await insertPublication(db, {
      agency: a.branch,
      party: '青禾测绘科技有限公司',
      decisionNumber: '甘环罚〔2026〕101号',
      decisionDate: '2026-02-10',
      firstPublishedOn: '2026-02-12',
      fields: {
        creditCode: SCENARIO_ORG_CODE,
        legalRepresentative: '王某',
        violationType: '超标排放大气污染物',
        facts: '2026年1月5日检查发现，颗粒物排放浓度超标1.2倍。',
        penaltyCategory: '警告、罚款',
        result: '警告，罚款人民币贰拾万元整',
        conclusion: '警告，罚款人民币贰拾万元整',
        legalBasis: '《中华人民共和国大气污染防治法》第九十九条第二项',
        fineAmount: '200000元',
        validity: '2027-02-10',
      },
      corrections: [{ on: '2026-02-20', note: '更正违法事实中的检查日期' }],
    }),
    personPenalty: await insertPublication(db, {
      agency: a.city,
      party: '张某某',
      decisionNumber: '甘环罚〔2026〕102号',
      decisionDate: '2026-01-15',
      fields: { facts: '未按规定设置危险废物识别标志。', penaltyCategory: '罚款', result: '罚款人民币伍仟元整', legalBasis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条', fineAmount: '5000元' },
    }),
    permit: await insertPublication(db, {
      agency: a.province,
      actionType: 'permit',
      party: '青禾农业合作社',
      decisionNumber: '甘环许〔2026〕7号',
      decisionDate: '2026-02-20',
      fields: { conclusion: '准予排污许可', permitContent: '排污许可证核发' },
    }),
    inspection: await insertPublication(db, {
      agency: a.other,
      actionType: 'inspection',
      party: '远山陶瓷有限公司',
      decisionNumber: '',
      decisionDate: '2025-12-01',
      fields: { conclusion: '未发现环境违法行为', problems: '无' },
    }),
    scriptParty: await insertPublication(db, {
      agency: a.branch,
      party: '<script>alert(1)</script>污染&公司',
      decisionNumber: '甘环罚〔2026〕103号',
      decisionDate: '2026-02-01',
      fields: { penaltyCategory: '警告', result: '警告', facts: '"引号" & <b>标签</b>' },
    }),
  };
  const withdrawal = (statement: string): WithdrawalRecord => ({
    cause: 'revoked',
    statement,
    changedOn: '2026-02-25',
    withdrawBy: '2026-03-06',
    changingDecision: { body: '甘肃省人民政府', number: '甘政复决〔2026〕5号', date: '2026-02-25', content: '撤销原行政处罚决定' },
    requestedBy: '公示录入员',
    requestedOn: '2026-02-26',
    approvedBy: '公示审核员',
    withdrawnOn: '2026-02-27',
  });
  const hidden = {
    draft: await insertPublication(db, { agency: a.branch, party: '隐秘化工甲公司', decisionNumber: '甘环罚〔2026〕201号', decisionDate: '2026-02-15', status: 'draft', online: false }),
    withheld: await insertPublication(db, {
      agency: a.branch,
      party: '隐秘化工乙公司',
      decisionNumber: '甘环罚〔2026〕202号',
      decisionDate: '2026-02-16',
      status: 'withheld',
      online: false,
      withholding: { reason: 'minor', note: '当事人为未成年人', automatic: true, requestedBy: '系统', requestedOn: '2026-02-16' },
    }),
    expired: await insertPublication(db, { agency: a.branch, party: '隐秘化工丙公司', decisionNumber: '甘环罚〔2026〕203号', decisionDate: '2025-02-17', removeBy: '2026-03-01' }),
    withdrawn: await insertPublication(db, {
      agency: a.city,
      party: '撤回化工丁公司',
      decisionNumber: '甘环罚〔2026〕301号',
      decisionDate: '2026-01-20',
      status: 'withdrawn',
      online: false,
      withdrawal: withdrawal('该处罚决定已被行政复议决定撤销，现撤回原公示信息。'),
    }),
    withdrawnOld: await insertPublication(db, {
      agency: a.city,
      party: '撤回化工戊公司',
      decisionNumber: '甘环罚〔2025〕302号',
      decisionDate: '2025-01-20',
      status: 'withdrawn',
      online: false,
      removeBy: '2026-01-31',
      withdrawal: withdrawal('旧的撤回说明，公示期已满。'),
    }),
  };
  return { agencies: a, visible, hidden };
}
