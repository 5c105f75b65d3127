/**
 * NAT-11 · 《环境保护主管部门实施按日连续处罚办法》第七条: a penalty case becomes
 * the 按日连续处罚 of the original penalty case (本机关、同一当事人) named by its
 * 案号; the server checks the link (POST /cases/:id/daily-penalty) and then
 * refuses the decision until every step of the 办法 is done.
 */
import { useState } from 'react';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { api, errorMessage } from '../../api/client.js';
import type { CaseListPage, CaseView } from '../../api/cases.js';

export function DailyPenaltyLink({ c, onLinked }: { c: CaseView; onLinked: (c: CaseView) => void }) {
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (c.actionType !== 'penalty' || !c.abilities.update || c.dates.decisionDate) return null;
  const link = async () => {
    const wanted = number.trim();
    if (!wanted) return;
    setBusy(true);
    setError(null);
    try {
      const found = await api.get<CaseListPage>(`/cases?${new URLSearchParams({ q: wanted, actionType: 'penalty', pageSize: '20' }).toString()}`);
      const original = found.items.find((i) => i.caseNumber === wanted);
      if (!original) {
        setError(`未找到案号为“${wanted}”的本机关行政处罚案件`);
        return;
      }
      const { case: updated } = await api.post<{ case: CaseView }>(`/cases/${c.id}/daily-penalty`, { originalCaseId: original.id });
      onLinked(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="daily-penalty-link">
      <Typography.Title level={5}>按日连续处罚</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {c.dailyPenalty ? `本案为 ${c.dailyPenalty.originalCaseNumber ?? ''} 的按日连续处罚案件；可改为关联其他原处罚案件。` : '本案为按日连续处罚的，关联作出原处罚决定的案件（《环境保护主管部门实施按日连续处罚办法》第七条）。'}
      </Typography.Paragraph>
      <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
        <Input aria-label="原处罚案件案号" placeholder="原处罚案件案号，如 并环罚案〔2026〕3号" value={number} onChange={(e) => setNumber(e.target.value)} onPressEnter={() => void link()} />
        <Button type="primary" loading={busy} disabled={!number.trim()} onClick={() => void link()}>
          关联原处罚案件
        </Button>
      </Space.Compact>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
