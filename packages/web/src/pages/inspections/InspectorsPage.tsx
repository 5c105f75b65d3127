/**
 * 执法检查人员库 (INS-2 · NAT-17): the agency's officers; only those with a
 * valid enforcement certificate (ORG-2) enter a draw. An officer declares a
 * relation to a target (回避) for himself; the unit head or the agency head
 * may record it for anyone. A declared officer is never drawn for that
 * target. The server checks again.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { inspectionAbilities, inspectionsApi, type PoolOfficer, type Target } from './inspectionsApi.js';

function RelationModal({ officers, targets, fixedUser, onDone, onClose }: { officers: PoolOfficer[]; targets: Target[]; fixedUser: string | null; onDone: () => void; onClose: () => void }) {
  const [userId, setUserId] = useState<string | undefined>(fixedUser ?? undefined);
  const [targetId, setTargetId] = useState<string | undefined>();
  const [relation, setRelation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!userId || !targetId || !relation.trim()) return setError('请选择执法人员和检查对象，并说明利害关系');
    try {
      await inspectionsApi.declareRelation({ userId, targetId, relation: relation.trim() });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal open title="登记回避关系" okText="登记" onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">执法人员与检查对象有利害关系的（如近亲属在该单位任职），应当回避：登记后抽取时不会将其抽中检查该对象。登记后不能删除。</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          aria-label="执法人员"
          placeholder="执法人员"
          style={{ width: '100%' }}
          disabled={!!fixedUser}
          value={userId}
          onChange={(v: string) => setUserId(v)}
          options={officers.map((o) => ({ value: o.userId, label: o.name }))}
        />
        <Select
          aria-label="检查对象"
          placeholder="检查对象"
          style={{ width: '100%' }}
          showSearch
          optionFilterProp="label"
          value={targetId}
          onChange={(v: string) => setTargetId(v)}
          options={targets.map((t) => ({ value: t.id, label: `${t.name}（${t.creditCode}）` }))}
        />
        <Input aria-label="利害关系" placeholder="利害关系，如：近亲属在该单位任职" value={relation} onChange={(e) => setRelation(e.target.value)} maxLength={200} />
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}

export function InspectorsPage() {
  const { me } = useMe();
  const { message } = App.useApp();
  const can = inspectionAbilities(me);
  const [officers, setOfficers] = useState<PoolOfficer[] | null>(null);
  const [targets, setTargets] = useState<Target[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setOfficers((await inspectionsApi.inspectors()).officers);
    } catch (e) {
      setError(errorMessage(e));
      setOfficers([]);
    }
  }, []);
  useEffect(() => {
    void load();
    inspectionsApi.targets().then((r) => setTargets(r.items), () => setTargets([]));
  }, [load]);

  const isOfficer = (officers ?? []).some((o) => o.userId === me.id);
  const mayDeclare = can.relationsForOthers || isOfficer;
  const usable = (officers ?? []).filter((o) => o.usable).length;

  return (
    <Card
      title="执法检查人员库"
      extra={
        mayDeclare ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            登记回避关系
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        持有效执法证的执法人员进入“双随机”抽取（本机关现有 {usable} 人）；执法证过期、未登记执法证的人员不参加抽取，也不能登记为检查人员。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Table<PoolOfficer>
        rowKey="userId"
        size="small"
        loading={!officers}
        dataSource={officers ?? []}
        pagination={false}
        data-testid="inspector-list"
        locale={{ emptyText: '本机关暂无执法人员' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '执法证号', render: (_, o) => o.certificateNumber ?? '—' },
          { title: '有效期至', render: (_, o) => o.certificateValidTo ?? '—' },
          { title: '参加抽取', render: (_, o) => (o.usable ? <Tag color="green">是</Tag> : <Tag color="red">否：{o.problem}</Tag>) },
          {
            title: '回避关系',
            render: (_, o) =>
              o.relations.length ? (
                <Space orientation="vertical" size={0}>
                  {o.relations.map((r) => (
                    <span key={r.id}>
                      {r.targetName}：{r.relation}
                    </span>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">无</Typography.Text>
              ),
          },
        ]}
      />
      {open && officers ? (
        <RelationModal
          officers={can.relationsForOthers ? officers : officers.filter((o) => o.userId === me.id)}
          targets={targets}
          fixedUser={can.relationsForOthers ? null : me.id}
          onClose={() => setOpen(false)}
          onDone={() => {
            message.success('已登记回避关系');
            setOpen(false);
            void load();
          }}
        />
      ) : null}
    </Card>
  );
}
