/**
 * The access link of an external requester (REC-20 · SX25-R 21, XX-R 18): a
 * party, a court, a procuratorate or the police opens `/console/access/<token>`
 * without an account and sees the files the agency head approved, only inside
 * the approved window. Each view or copy is logged on the server (requester,
 * reason, time — audit and Merkle log) and played with a watermark naming the
 * requester. A withdrawn grant or a disposed file (REC-18) says so.
 */
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Layout, Result, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage, isApiError } from '../../api/client.js';
import { MediaPlayer, downloadMedia } from '../cases/MediaPlayer.js';
import type { AccessLinkSummary } from '../cases/MediaTypes.js';

const at = (s: string | null) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—');
const KIND_LABELS = { video: '视频', audio: '音频', photo: '照片' } as const;

type Item = AccessLinkSummary['items'][number];

export function AccessLinkPage() {
  const { token = '' } = useParams();
  const { message } = App.useApp();
  const [data, setData] = useState<AccessLinkSummary | null>(null);
  const [error, setError] = useState<{ text: string; gone: boolean } | null>(null);
  const [playing, setPlaying] = useState<Item | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.get<AccessLinkSummary>(`/access/${encodeURIComponent(token)}`, { quiet: true }));
    } catch (e) {
      setError({ text: errorMessage(e), gone: isApiError(e) && e.status === 404 });
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);

  const base = `/access/${encodeURIComponent(token)}/media`;
  const r = data?.request;
  const usable = !!r && r.status === 'approved' && r.active;
  const notice = !r
    ? null
    : r.status === 'revoked'
      ? `该查阅批准已于 ${at(r.revocation!.at)} 撤销：${r.revocation!.reason}`
      : r.status !== 'approved'
        ? '该查阅申请尚未批准或未获批准。'
        : !r.active
          ? `不在批准的查阅期限内（${at(r.decision!.validFrom)} 至 ${at(r.decision!.validUntil)}）。`
          : null;

  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Content style={{ maxWidth: 960, margin: '24px auto', width: '100%', padding: '0 16px' }}>
        <Typography.Title level={3}>执法音像记录查阅</Typography.Title>
        {error ? (
          error.gone ? (
            <Result status="404" title="链接无效或已失效" subTitle="请与作出批准的机关联系。" />
          ) : (
            <Alert type="error" showIcon title={error.text} />
          )
        ) : null}
        {data && r ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions size="small" column={2}>
                <Descriptions.Item label="案件">
                  {data.case.caseNumber} {data.case.title}
                </Descriptions.Item>
                <Descriptions.Item label="申请人">
                  {r.requesterName}（{r.requesterKindLabel}
                  {r.requesterOrg ? `·${r.requesterOrg}` : ''}）
                </Descriptions.Item>
                <Descriptions.Item label="理由">{r.reason}</Descriptions.Item>
                <Descriptions.Item label="批准期限">
                  {at(r.decision?.validFrom ?? null)} 至 {at(r.decision?.validUntil ?? null)}
                </Descriptions.Item>
                <Descriptions.Item label="复制">{r.decision?.copyAllowed ? '准予复制' : '仅查看，不得复制'}</Descriptions.Item>
                <Descriptions.Item label="状态">
                  <Tag color={usable ? 'green' : 'red'} data-testid="link-status">
                    {usable ? '可查阅' : r.statusLabel}
                  </Tag>
                </Descriptions.Item>
              </Descriptions>
              {notice ? <Alert type="warning" showIcon title={notice} data-testid="link-notice" /> : null}
            </Card>
            <Table<Item>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.items}
              data-testid="link-files"
              columns={[
                { title: '编号', dataIndex: 'recordNumber' },
                { title: '类型', render: (_, m) => KIND_LABELS[m.kind] },
                { title: '文件', dataIndex: 'filename' },
                { title: '录制时间', render: (_, m) => at(m.recordedStart) },
                {
                  title: '操作',
                  render: (_, m) =>
                    m.disposed ? (
                      <Tag color="red">保存期满已依批准销毁</Tag>
                    ) : (
                      <Space>
                        <Button size="small" icon={<PlayCircleOutlined />} disabled={!usable} onClick={() => setPlaying(m)} data-testid={`view-${m.recordNumber}`}>
                          查看
                        </Button>
                        {r.decision?.copyAllowed ? (
                          <Button size="small" icon={<DownloadOutlined />} disabled={!usable} onClick={() => void downloadMedia(m, `${base}/${m.id}/downloads`).catch((e: unknown) => message.error(errorMessage(e)))}>
                            下载
                          </Button>
                        ) : null}
                      </Space>
                    ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              执法记录不公开，仅供依法查阅；每次查看、复制均记录查阅人、时间和理由并存证，画面带有查阅人水印，不得翻录、外传。
            </Typography.Paragraph>
          </Space>
        ) : null}
        {playing ? <MediaPlayer item={playing} openPath={`${base}/${playing.id}/views`} onClose={() => setPlaying(null)} /> : null}
      </Layout.Content>
    </Layout>
  );
}
