/**
 * Shapes of the ex-ante disclosure answers (packages/server/src/http/routes/exante.ts,
 * usecases/exante.ts) and the calls the pages make.
 */
import { api, query } from '../../api/client.js';
import type { ExAnteContent, ExAnteSection, ExAnteSectionSpec } from '../../domain.js';
import type { ExAnteGateView } from './ExAnteGate.js';

export type ExAnteStatus = 'draft' | 'submitted' | 'returned' | 'published';
export type DueStatus = 'none' | 'onTime' | 'dueSoon' | 'overdue' | 'published' | 'publishedOnTime' | 'publishedLate';

export interface Due {
  status: DueStatus;
  label: string;
  publishBy: string | null;
}

export interface SectionSummary {
  key: ExAnteSection;
  label: string;
  source: 'entered' | 'generated';
  requirements: string[];
  basis: string;
  status: ExAnteStatus | 'generated' | null;
  statusLabel: string;
  currentVersion: number | null;
  publishedVersion: number | null;
  publishedOn: string | null;
  pending: boolean;
  changedOn: string | null;
  due: Due;
  submittedByName: string | null;
  updatedAt: string | null;
}

export interface RosterRow {
  name: string;
  unit: string;
  post: string;
  certificateNumber: string;
  validFrom: string;
  validTo: string;
}

export interface DeadlineRule {
  basis: string;
  period: string;
  note: string;
}

export interface ExAnteList {
  agency: { id: string; name: string; profileId: string };
  deadlineRule: DeadlineRule | null;
  sections: SectionSummary[];
  roster: RosterRow[];
  abilities: { edit: boolean; approve: boolean };
}

export interface OverviewAgency {
  id: string;
  name: string;
  level: string;
  profileId: string;
  sections: number;
  published: number;
  notEntered: number;
  pending: number;
  submitted: number;
  overdue: number;
  abilities: { edit: boolean; approve: boolean };
}

export interface VersionView {
  version: number;
  content: ExAnteContent;
  changedOn: string;
  publishBy: string | null;
  publishByNote: string;
  note: string;
  createdAt: string;
  createdByName: string;
  publishedOn?: string | null;
}

export interface HistoryEvent {
  id: number;
  version: number;
  kind: 'save' | 'submit' | 'approve' | 'return';
  fromStatus: ExAnteStatus | null;
  toStatus: ExAnteStatus;
  toStatusLabel: string;
  comment: string;
  detail: Record<string, unknown>;
  actorName: string;
  at: string;
}

export interface SectionView {
  agency: { id: string; name: string; profileId: string };
  section: ExAnteSectionSpec;
  deadlineRule: DeadlineRule | null;
  generated: { content: ExAnteContent; updatedOn: string | null; source: string } | null;
  summary: SectionSummary;
  current: VersionView | null;
  published: VersionView | null;
  shown: VersionView | null;
  problems: { row: number | null; field: string | null; label: string; reason: string; message: string }[];
  versions: { version: number; changedOn: string; publishBy: string | null; createdAt: string; createdByName: string; published: boolean }[];
  history: HistoryEvent[];
  externalReview: { requirement: string; reviewer: string; basis: string } | null;
  abilities: { save: boolean; submit: boolean; approve: boolean; return: boolean };
  /** Issue 13 item 1: the redaction gate on the version being worked on. */
  gate?: ExAnteGateView;
}

export const EVENT_LABELS: Record<HistoryEvent['kind'], string> = { save: '保存', submit: '提交审核', approve: '审核通过并公开', return: '退回修改' };

export const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', returned: 'warning', published: 'success', generated: 'cyan' };

export const DUE_COLORS: Record<DueStatus, string> = {
  none: 'default',
  onTime: 'green',
  dueSoon: 'orange',
  overdue: 'red',
  published: 'default',
  publishedOnTime: 'default',
  publishedLate: 'volcano',
};

const base = (agencyId: string) => `/agencies/${encodeURIComponent(agencyId)}/exante`;

export const exAnteApi = {
  overview: () => api.get<{ agencies: OverviewAgency[] }>('/exante'),
  list: (agencyId: string) => api.get<ExAnteList>(base(agencyId)),
  section: (agencyId: string, section: ExAnteSection, version?: number) => api.get<SectionView>(`${base(agencyId)}/${section}${query({ version })}`),
  save: (agencyId: string, section: ExAnteSection, body: { content: ExAnteContent; changedOn?: string; note?: string }) => api.put<SectionView>(`${base(agencyId)}/${section}`, body),
  submit: (agencyId: string, section: ExAnteSection, comment = '') => api.post<SectionView>(`${base(agencyId)}/${section}/submit`, { comment }),
  approve: (agencyId: string, section: ExAnteSection, body: { comment?: string; externalReview?: { body: string; on: string; reference?: string } }) =>
    api.post<SectionView>(`${base(agencyId)}/${section}/approve`, body),
  return: (agencyId: string, section: ExAnteSection, comment: string) => api.post<SectionView>(`${base(agencyId)}/${section}/return`, { comment }),
};
