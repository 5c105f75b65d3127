/**
 * Content hash of a record version (REC-16, NAT-18 · 法发〔2016〕22号 Art 5:
 * 完整性校验值): SHA-256 of the canonical JSON of everything that makes the
 * version what it is. Stored with the version when it is signed or issued,
 * sealed into the integrity log, and recomputed by `sanxiang verify` and by
 * offline bundle verification.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../integrity/canonical.js';

export interface VersionContent {
  documentId: string;
  caseId: string;
  kind: string;
  recordNumber: string;
  version: number;
  status: string;
  fields: unknown;
  docNumber: string | null;
  supersedes: string | null;
  correctionReason: string | null;
}

export function versionContent(v: VersionContent): string {
  return canonicalJson({
    documentId: v.documentId,
    caseId: v.caseId,
    kind: v.kind,
    recordNumber: v.recordNumber,
    version: v.version,
    status: v.status,
    fields: v.fields,
    docNumber: v.docNumber,
    supersedes: v.supersedes,
    correctionReason: v.correctionReason,
  });
}

export function versionContentHash(v: VersionContent): string {
  return createHash('sha256').update(versionContent(v)).digest('hex');
}
