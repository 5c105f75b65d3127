/**
 * Demo data (seeded on first start in demo mode, and by `sanxiang seed`):
 * 山西省生态环境厅 → 太原市生态环境局 → 小店分局; 甘肃省生态环境厅 → 兰州市生态环境局;
 * 湖南省生态环境厅 → 湘西州生态环境局; a user for every role in each city bureau;
 * a few officers with expired certificates.
 */
import { count } from 'drizzle-orm';
import { childPath, creditCodeCheckChar, type AgencyLevel, type Role } from '@sanxiang/core';
import type { AppContext } from '../context.js';
import { agencies, demoSeed, officerCertificates, userRoles, users } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../usecases/auth.js';
import { recordAudit } from '../usecases/audit.js';
import { seedDemoMedia } from './media.js';
import { seedDemoExAnte } from './exante.js';
import { seedDemoPublications } from './publications.js';
import { seedDemoDailyPenalty } from './daily-penalty.js';
import { seedDemoTodo } from './todo.js';
import { seedDemoInspections } from './inspections.js';

export const DEMO_PASSWORD = 'Sanxiang@2026';

interface DemoAgency {
  key: string;
  parent?: string;
  level: AgencyLevel;
  name: string;
  shortName: string;
  /** First 17 characters of the credit code; the check character is computed (GB 32100). */
  code17: string;
  profileId: string;
  address: string;
  postcode: string;
  phone: string;
  jurisdiction: string;
  userPrefix?: string;
  /** Short code in case and document numbers (案号, 文号). */
  numberCode: string;
}

const AGENCIES: DemoAgency[] = [
  { key: 'sx', numberCode: '晋环', level: 'province', name: '山西省生态环境厅', shortName: '山西省厅', code17: '11140000MB1234567', profileId: 'SX25', address: '山西省太原市小店区龙盛街 9 号', postcode: '030000', phone: '0351-0000001', jurisdiction: '山西省行政区域', userPrefix: 'sx' },
  { key: 'ty', numberCode: '并环', parent: 'sx', level: 'city', name: '太原市生态环境局', shortName: '太原市局', code17: '11140100MB2345678', profileId: 'SX25', address: '山西省太原市杏花岭区示例路 1 号', postcode: '030000', phone: '0351-0000002', jurisdiction: '太原市行政区域', userPrefix: 'ty' },
  { key: 'xd', numberCode: '并环小', parent: 'ty', level: 'branch', name: '太原市生态环境局小店分局', shortName: '小店分局', code17: '11140105MB3456789', profileId: 'SX25', address: '山西省太原市小店区示例街 2 号', postcode: '030032', phone: '0351-0000003', jurisdiction: '太原市小店区', userPrefix: 'xd' },
  { key: 'gs', numberCode: '甘环', level: 'province', name: '甘肃省生态环境厅', shortName: '甘肃省厅', code17: '11620000MB4567890', profileId: 'GS19', address: '甘肃省兰州市城关区示例路 3 号', postcode: '730000', phone: '0931-0000001', jurisdiction: '甘肃省行政区域', userPrefix: 'gs' },
  { key: 'lz', numberCode: '兰环', parent: 'gs', level: 'city', name: '兰州市生态环境局', shortName: '兰州市局', code17: '11620100MB5678901', profileId: 'GS19', address: '甘肃省兰州市城关区示例街 4 号', postcode: '730030', phone: '0931-0000002', jurisdiction: '兰州市行政区域', userPrefix: 'lz' },
  { key: 'hn', numberCode: '湘环', level: 'province', name: '湖南省生态环境厅', shortName: '湖南省厅', code17: '11430000MB6789012', profileId: 'national', address: '湖南省长沙市示例路 5 号', postcode: '410000', phone: '0731-0000001', jurisdiction: '湖南省行政区域' },
  { key: 'xx', numberCode: '湘西环', parent: 'hn', level: 'city', name: '湘西州生态环境局', shortName: '湘西州局', code17: '11433100MB7890123', profileId: 'XX19', address: '湖南省湘西土家族苗族自治州吉首市示例路 6 号', postcode: '416000', phone: '0743-0000001', jurisdiction: '湘西土家族苗族自治州行政区域', userPrefix: 'xx' },
];

interface DemoUser {
  suffix: string;
  name: string;
  post: string;
  roles: Role[];
  cert?: 'valid' | 'expired';
}

/** A user for every role in each city bureau. */
const CITY_USERS: DemoUser[] = [
  { suffix: 'officer1', name: '执法一', post: '执法人员', roles: ['officer'], cert: 'valid' },
  { suffix: 'officer2', name: '执法二', post: '执法人员', roles: ['officer'], cert: 'valid' },
  { suffix: 'officer3', name: '执法三（证件过期）', post: '执法人员', roles: ['officer'], cert: 'expired' },
  { suffix: 'unithead', name: '承办负责人', post: '执法支队队长', roles: ['unitHead', 'officer'], cert: 'valid' },
  { suffix: 'reviewer', name: '法制审核员', post: '法规科科员', roles: ['legalReviewer'] },
  { suffix: 'head', name: '局长', post: '局长', roles: ['agencyHead'] },
  { suffix: 'clerk', name: '公示录入员', post: '办公室科员', roles: ['disclosureClerk'] },
  { suffix: 'approver', name: '公示审核员', post: '办公室主任', roles: ['disclosureApprover'] },
  { suffix: 'keeper', name: '档案设备管理员', post: '档案室', roles: ['recordsKeeper'] },
  { suffix: 'supervisor', name: '监督员', post: '法规科科长', roles: ['supervisor'] },
  { suffix: 'sysadmin', name: '系统管理员', post: '信息中心', roles: ['sysAdmin'] },
  { suffix: 'secadmin', name: '安全管理员', post: '信息中心', roles: ['secAdmin'] },
  { suffix: 'auditadmin', name: '审计管理员', post: '信息中心', roles: ['auditAdmin'] },
];

const PROVINCE_USERS: DemoUser[] = [
  { suffix: 'supervisor', name: '省厅监督员', post: '法规处', roles: ['supervisor'] },
  { suffix: 'sysadmin', name: '省厅系统管理员', post: '信息中心', roles: ['sysAdmin'] },
  { suffix: 'secadmin', name: '省厅安全管理员', post: '信息中心', roles: ['secAdmin'] },
  { suffix: 'auditadmin', name: '省厅审计管理员', post: '信息中心', roles: ['auditAdmin'] },
];

const BRANCH_USERS: DemoUser[] = [
  { suffix: 'officer1', name: '分局执法一', post: '执法人员', roles: ['officer'], cert: 'valid' },
  { suffix: 'officer2', name: '分局执法二', post: '执法人员', roles: ['officer'], cert: 'valid' },
  { suffix: 'head', name: '分局局长', post: '局长', roles: ['agencyHead'] },
];

export interface DemoLogin {
  username: string;
  agency: string;
  roles: Role[];
  note: string;
}

/** The demo logins, for printing at start and for the README. */
export function demoLogins(): DemoLogin[] {
  const out: DemoLogin[] = [];
  for (const a of AGENCIES) {
    if (!a.userPrefix) continue;
    const list = a.level === 'province' ? PROVINCE_USERS : a.level === 'city' ? CITY_USERS : BRANCH_USERS;
    for (const u of list) out.push({ username: `${a.userPrefix}_${u.suffix}`, agency: a.name, roles: u.roles, note: u.cert === 'expired' ? '执法证已过期' : '' });
  }
  return out;
}

export function demoCreditCode(code17: string): string {
  return code17 + creditCodeCheckChar(code17);
}

/**
 * 'empty' (no agency yet), 'complete' (the seed's last step wrote its
 * marker), or 'incomplete' (agencies but no marker: a start died while
 * seeding). A database with agencies from before the marker existed is
 * marked complete by migration 0010.
 */
export async function demoSeedState(db: AppContext['db']): Promise<'empty' | 'complete' | 'incomplete'> {
  const [done] = await db.select({ id: demoSeed.id }).from(demoSeed);
  if (done) return 'complete';
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) > 0 ? 'incomplete' : 'empty';
}

export async function isSeeded(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) > 0;
}

/**
 * Seeds the demo data when the database has no agency yet. Returns false when
 * there was something already (nothing is changed then).
 */
export async function seedDemo(ctx: AppContext, opts: { mustChangePassword: boolean }): Promise<boolean> {
  if (await isSeeded(ctx)) return false;
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const year = now.getUTCFullYear();
  await ctx.db.transaction(async (tx) => {
    const byKey = new Map<string, { id: string; path: string }>();
    let order = 0;
    let certSeq = 1;
    for (const a of AGENCIES) {
      const id = newId();
      const parent = a.parent ? byKey.get(a.parent)! : null;
      const path = childPath(parent?.path ?? null, id);
      byKey.set(a.key, { id, path });
      await tx.insert(agencies).values({
        id,
        parentId: parent?.id ?? null,
        path,
        level: a.level,
        name: a.name,
        shortName: a.shortName,
        numberCode: a.numberCode,
        creditCode: demoCreditCode(a.code17),
        functions: '依法对本行政区域内生态环境保护工作实施统一监督管理，查处生态环境违法行为。',
        jurisdiction: a.jurisdiction,
        enforcementArea: a.jurisdiction,
        address: a.address,
        postcode: a.postcode,
        phone: a.phone,
        email: `${a.key}@example.gov.cn`,
        complaintChannel: `投诉举报电话 12369；来信请寄 ${a.address}（邮编 ${a.postcode}）`,
        profileId: a.profileId,
        sortOrder: order++,
        createdAt: now,
        updatedAt: now,
      });
      if (!a.userPrefix) continue;
      const list = a.level === 'province' ? PROVINCE_USERS : a.level === 'city' ? CITY_USERS : BRANCH_USERS;
      for (const u of list) {
        const userId = newId();
        await tx.insert(users).values({
          id: userId,
          agencyId: id,
          username: `${a.userPrefix}_${u.suffix}`,
          displayName: `${a.shortName}${u.name}`,
          post: u.post,
          passwordHash,
          mustChangePassword: opts.mustChangePassword,
          createdAt: now,
        });
        await tx.insert(userRoles).values(u.roles.map((role) => ({ userId, role, grantedAt: now })));
        if (u.cert) {
          const expired = u.cert === 'expired';
          await tx.insert(officerCertificates).values({
            id: newId(),
            userId,
            number: `${a.code17.slice(2, 8)}${String(year).slice(2)}${String(certSeq++).padStart(4, '0')}`,
            issuer: a.level === 'province' ? `${a.name.slice(0, 3)}人民政府` : `${a.jurisdiction.replace('行政区域', '')}人民政府`,
            validFrom: expired ? `${year - 4}-01-01` : `${year - 1}-01-01`,
            validTo: expired ? `${year - 1}-06-30` : `${year + 3}-12-31`,
            status: 'valid',
            createdAt: now,
          });
        }
      }
    }
    await recordAudit(tx, { at: now, actor: null, action: 'system.seedDemo', detail: { agencies: AGENCIES.length } });
  });
  await seedDemoMedia(ctx);
  await seedDemoExAnte(ctx);
  await seedDemoPublications(ctx);
  // Issue 11 item 6 · NAT-11: a 按日连续处罚 walked to its decision.
  await seedDemoDailyPenalty(ctx);
  await seedDemoInspections(ctx);
  await seedDemoTodo(ctx);
  // The marker: only now is the demo complete (see demoSeedState).
  await ctx.db.insert(demoSeed).values({ id: 1, completedAt: ctx.clock.now() }).onConflictDoNothing();
  return true;
}
