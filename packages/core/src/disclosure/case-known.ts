/**
 * PUB-4 · SX25-P 16, GS-P 9, source (b): every person and identifier the case
 * knows. The case's documents name interviewees, witnesses, people present,
 * with their ID numbers; whatever of that reaches the published text is
 * masked even where no pattern would catch it (a name).
 *
 * The fields are read by their type in the document template (an ID number
 * field) and by their key (…Name, presentPersons); the officers and the
 * agency are public and kept out (SX25-P 15 publishes the deciding body; the
 * officers' names and certificate numbers are published ex ante, ORG-2).
 */
import { type DocumentCatalogue, getDocumentKind } from '../records/catalogue.js';
import type { KnownValue } from './redaction.js';

/** Keys that name public actors or the party (the party comes in through `parties`). */
const PUBLIC_KEYS = new Set(['partyName', 'agencyName', 'officerNames', 'approvedBy', 'approver', 'reconsiderationBody', 'litigationCourt', 'substitute', 'legalRepresentative']);

const NAME_KEY = /(Name|Names|Persons)$/;

/** Role label of a field, for the mask's reason ('被询问人', '见证人', '现场有关人员'). */
function roleOf(label: string): string {
  return label.replace(/(居民身份证号码|身份证号码|姓名|的姓名)$/, '') || '案件相关人员';
}

/** The persons and identifiers in the case's documents (all versions). */
export function knownValuesFromDocuments(docs: readonly { kind: string; fields: Readonly<Record<string, unknown>> }[], catalogue?: DocumentCatalogue): KnownValue[] {
  const out: KnownValue[] = [];
  const seen = new Set<string>();
  const push = (v: KnownValue) => {
    const value = v.value.trim();
    if (value.length < 2) return;
    const key = `${v.kind}|${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...v, value });
  };
  for (const d of docs) {
    const spec = getDocumentKind(d.kind, catalogue);
    if (!spec) continue;
    for (const f of spec.fields) {
      if (PUBLIC_KEYS.has(f.key)) continue;
      const raw = d.fields[f.key];
      const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
      if (values.length === 0) continue;
      const label = roleOf(f.label);
      if (f.type === 'idNumber') {
        for (const v of values) push({ kind: 'idNumber', value: v, label });
      } else if ((f.type === 'text' || f.type === 'textList') && NAME_KEY.test(f.key)) {
        // 现场有关人员 are often written '张三（职务）': keep the name part.
        for (const v of values) push({ kind: 'name', value: v.split(/[（(，,、\s]/)[0] ?? v, label });
      }
    }
  }
  return out;
}
