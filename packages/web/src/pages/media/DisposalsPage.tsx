/**
 * 销毁审批 — disposal requests of the agency's recordings (REC-18): what the
 * records keeper asked to dispose of after the retention date, waiting for
 * the agency head, and what was disposed of or refused. The decision is taken
 * on the case's media tab, next to the file, its holds and its history.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage, query } from '../../api/client.js';
import type { DisposalItem } from '../cases/MediaTypes.js';
import { useCite } from '../../auth/session.js';

const FILTERS = [
  { value: 'pending', label: '待审批' },
  { value: 'disposed', label: '已销毁' },
  { value: 'refused', label: '未批准' },
  { value: '', label: '全部' },
];
const COLORS: Record<DisposalItem['status'], string> = { pending: 'gold', disposed: 'red', refused: 'default' };
const at = (s: string) => dayjs(s).format('YYYY-MM-DD HH:mm');

export function DisposalsPage() {
  const cite = useCite();
  const [status, setStatus] = useState('pending');
  const [items, setItems] = useState<DisposalItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await api.get<{ items: DisposalItem[] }>(`/media-disposals${query({ status })}`)).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Card title="音像记录销毁审批" extra={<Segmented options={FILTERS} value={status} onChange={(v) => setStatus(String(v))} />}>
      <Typography.Paragraph type="secondary">
        {cite('保存期限届满且无诉讼保全的音像记录，由档案管理员申请、机关负责人审批后销毁；保存期内不得销毁（SX25-R 第二十二条）。销毁删除原始文件，记录保留并记入审计日志和完整性日志。')}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<DisposalItem>
        rowKey="id"
        size="small"
        loading={!items}
        dataSource={items ?? []}
        pagination={false}
        data-testid="disposal-list"
        columns={[
          { title: '音像记录', render: (_, d) => <Link to={`/cases/${d.caseId}?tab=media`}>{`${d.recordNumber ?? ''} ${d.filename ?? ''}`}</Link> },
          { title: '理由', dataIndex: 'reason', ellipsis: true },
          { title: '保存期限', render: (_, d) => `${d.retentionLabel}（${d.earliestDisposal} 起可销毁）` },
          { title: '申请', render: (_, d) => `${d.requestedBy} ${at(d.requestedAt)}` },
          {
            title: '状态',
            render: (_, d) => (
              <span>
                <Tag color={COLORS[d.status]}>{d.statusLabel}</Tag>
                {d.decision ? <Typography.Text type="secondary">{`${d.decision.by} ${at(d.decision.at)}${d.decision.approved ? `；${d.decision.bytesNote}` : ''}`}</Typography.Text> : null}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
