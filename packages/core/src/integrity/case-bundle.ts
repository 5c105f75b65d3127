/**
 * The case export bundle (DESIGN §6; REC-16, NAT-18) and its offline check.
 *
 * A bundle is a zip with:
 * - `bundle.json` — the manifest below;
 * - `records/<file>.json` — each record version's canonical content, the
 *   exact bytes whose SHA-256 is its content hash;
 * - `media/<file>` — media files, unless the exporter chose hashes only;
 * - `README.txt` — how to check it, in Chinese.
 * Each record and media file is tied to a log entry (leaf) whose data names
 * its hash; each entry carries an inclusion proof against the signed
 * checkpoint; the checkpoint is signed by the log key given in the bundle,
 * which a court compares with the key published on the agency's portal.
 *
 * A media file disposed of after its retention date (REC-18) is listed with
 * no bytes and a second entry, the sealed disposal, whose data names the
 * same file and hash: a court sees that it was destroyed by an approved act,
 * not lost.
 *
 * `verifyCaseBundle` takes the unzipped files and names every failure.
 */
import { createHash } from 'node:crypto';
import { fromHex } from './bytes.js';
import { verifyLeafInBundle } from './bundle.js';
import { openNote, signNote, type SignerInput } from './note.js';

export const BUNDLE_FORMAT = 'sanxiang-case-bundle/1';

export interface BundleEntry {
  index: number;
  /** The leaf bytes (canonical JSON), as stored in the log. */
  data: string;
  leafHash: string;
  proof: string[];
}

export interface BundleFile {
  path: string | null;
  sha256: string;
  size?: number;
  /** Index of the log entry that seals this file. */
  entry: number;
  /** REC-18: the file was disposed of; `entry` of the sealed disposal (kind `media.disposal`). */
  disposed?: { entry: number; at: string; reason: string };
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  case: { id: string; caseNumber: string; title: string; agency: string };
  exportedAt: string;
  origin: string;
  verifierKey: string;
  checkpoint: string;
  treeSize: number;
  entries: BundleEntry[];
  records: BundleFile[];
  media: BundleFile[];
  /**
   * Every other file of the zip (records with their .docx copies, media,
   * README.txt) with its SHA-256, in a note signed by the log key (see
   * {@link signBundleFiles}): an edited, added or removed file is caught.
   */
  files?: string;
}

const FILES_HEADER = 'sanxiang-bundle-files/1';

/** The signed file list of a bundle: header, origin, case id, then `<sha256> <path>` per file, by path. */
export function signBundleFiles(origin: string, caseId: string, files: ReadonlyMap<string, Uint8Array>, signer: SignerInput): string {
  const lines = [...files.keys()]
    .filter((p) => p !== 'bundle.json')
    .sort()
    .map((p) => {
      if (/[\n\r]/.test(p)) throw new Error(`bundle path with a line break: ${JSON.stringify(p)}`);
      return `${sha256(files.get(p)!)} ${p}`;
    });
  return signNote(`${FILES_HEADER}\n${origin}\n${caseId}\n${lines.map((l) => `${l}\n`).join('')}`, signer);
}

/** Every file of the zip but bundle.json is listed, with its hash, in the signed list — no more, no fewer. */
function checkFileList(m: BundleManifest, files: ReadonlyMap<string, Uint8Array>, key: string, problems: BundleProblem[]): void {
  if (!m.files) {
    problems.push({ path: 'bundle.json', message: '导出包未附签名的文件清单，无法确认没有文件被增删或改动' });
    return;
  }
  let text: string;
  try {
    text = openNote(m.files, [key]).text;
  } catch (e) {
    problems.push({ path: 'bundle.json', message: `文件清单的签名无效：${(e as Error).message}` });
    return;
  }
  const [header, origin, caseId, ...rest] = text.slice(0, -1).split('\n');
  if (header !== FILES_HEADER || origin !== m.origin || caseId !== m.case.id) {
    problems.push({ path: 'bundle.json', message: '文件清单不属于本导出包（格式、日志或案件不符）' });
    return;
  }
  const listed = new Map<string, string>();
  for (const line of rest) {
    const i = line.indexOf(' ');
    listed.set(line.slice(i + 1), line.slice(0, i));
  }
  for (const [path, bytes] of files) {
    if (path === 'bundle.json') continue;
    const want = listed.get(path);
    if (want === undefined) problems.push({ path, message: `${path} 不在签名的文件清单中（导出后被加入）` });
    else if (sha256(bytes) !== want) problems.push({ path, message: `${path} 已被修改（SHA-256 与签名的文件清单不符）` });
  }
  for (const path of listed.keys()) {
    if (!files.has(path)) problems.push({ path, message: `${path} 缺失（签名的文件清单列有此文件）` });
  }
}

export interface BundleProblem {
  path?: string;
  entry?: number;
  message: string;
}

export interface BundleReport {
  ok: boolean;
  entries: number;
  records: number;
  media: number;
  mediaHashOnly: number;
  /** REC-18: media disposed of by an approved, sealed act (listed without bytes). */
  mediaDisposed: number;
  problems: BundleProblem[];
  /** The key the checkpoint was checked against, to compare with the published one. */
  verifierKey: string | null;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const dec = new TextDecoder();

/** Checks a bundle's files offline; `trustedKey` (from the portal) overrides the key inside the bundle. */
export function verifyCaseBundle(files: ReadonlyMap<string, Uint8Array>, options: { trustedKey?: string } = {}): BundleReport {
  // The CLI refuses to rely on the key inside the bundle unless told to (`--trust-embedded-key`).
  const problems: BundleProblem[] = [];
  const manifestBytes = files.get('bundle.json');
  const empty = { ok: false, entries: 0, records: 0, media: 0, mediaHashOnly: 0, mediaDisposed: 0, verifierKey: null };
  if (!manifestBytes) return { ...empty, problems: [{ path: 'bundle.json', message: '缺少 bundle.json（不是有效的案卷导出包）' }] };
  let m: BundleManifest;
  try {
    m = JSON.parse(dec.decode(manifestBytes)) as BundleManifest;
  } catch {
    return { ...empty, problems: [{ path: 'bundle.json', message: 'bundle.json 不是有效的 JSON' }] };
  }
  if (m.format !== BUNDLE_FORMAT) return { ...empty, problems: [{ path: 'bundle.json', message: `不支持的格式：${String(m.format)}` }] };
  const key = options.trustedKey ?? m.verifierKey;
  if (options.trustedKey && options.trustedKey !== m.verifierKey) {
    problems.push({ path: 'bundle.json', message: '导出包内的公钥与提供的可信公钥不一致' });
  }

  // Every entry: leaf hash, inclusion proof, checkpoint signature.
  const entryData = new Map<number, Record<string, unknown>>();
  for (const e of m.entries) {
    const result = verifyLeafInBundle({
      leafData: new TextEncoder().encode(e.data),
      leafHash: fromHex(e.leafHash),
      index: e.index,
      proof: e.proof.map(fromHex),
      checkpointNote: m.checkpoint,
      verifierKey: key,
      expectedOrigin: m.origin,
    });
    if (!result.ok) {
      problems.push({ entry: e.index, message: `日志第 ${e.index} 条：${result.message}（${result.code}）` });
      continue;
    }
    try {
      entryData.set(e.index, JSON.parse(e.data) as Record<string, unknown>);
    } catch {
      problems.push({ entry: e.index, message: `日志第 ${e.index} 条的数据不是有效的 JSON` });
    }
  }

  // Every file: its bytes hash to what its sealed entry says.
  const checkFile = (f: BundleFile, field: 'contentHash' | 'sha256', what: string) => {
    const data = entryData.get(f.entry);
    if (!data) {
      problems.push({ ...(f.path ? { path: f.path } : {}), message: `${what}所依据的日志第 ${f.entry} 条未通过核验或不在导出包中` });
      return;
    }
    if (data[field] !== f.sha256) {
      problems.push({ ...(f.path ? { path: f.path } : {}), message: `${what}的哈希与日志第 ${f.entry} 条记载的不一致` });
      return;
    }
    if (f.path === null) return;
    const bytes = files.get(f.path);
    if (!bytes) {
      problems.push({ path: f.path, message: `${what} ${f.path} 缺失` });
      return;
    }
    if (sha256(bytes) !== f.sha256) problems.push({ path: f.path, message: `${what} ${f.path} 已被修改（SHA-256 不符）` });
  };
  // REC-18: a disposed file's disposal entry names the same file and hash.
  const checkDisposal = (f: BundleFile, d: NonNullable<BundleFile['disposed']>) => {
    const data = entryData.get(d.entry);
    const ingest = entryData.get(f.entry);
    if (!data) {
      problems.push({ message: `音像文件（SHA-256 ${f.sha256.slice(0, 12)}…）的销毁记录所依据的日志第 ${d.entry} 条未通过核验或不在导出包中` });
      return;
    }
    if (data.kind !== 'media.disposal' || data.sha256 !== f.sha256 || (ingest && data.objectId !== ingest.objectId)) {
      problems.push({ entry: d.entry, message: `日志第 ${d.entry} 条不是该音像文件的销毁记录` });
    }
  };
  for (const r of m.records) checkFile(r, 'contentHash', '文书');
  for (const f of m.media) {
    checkFile(f, 'sha256', '音像文件');
    if (f.disposed) checkDisposal(f, f.disposed);
  }
  checkFileList(m, files, key, problems);
  return {
    ok: problems.length === 0,
    entries: m.entries.length,
    records: m.records.length,
    media: m.media.length,
    mediaHashOnly: m.media.filter((f) => f.path === null && !f.disposed).length,
    mediaDisposed: m.media.filter((f) => f.disposed).length,
    problems,
    verifierKey: key,
  };
}
