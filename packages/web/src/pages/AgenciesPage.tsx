/**
 * 机构管理 (ORG-1): the agencies the user may see, as a tree, with all fields
 * of the selected one; edit and create-below forms when the server's
 * `abilities` allow.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { AGENCY_LEVEL_LABELS, type AgencyLevel } from '../domain.js';
import { api, errorMessage } from '../api/client.js';
import type { Agency } from '../api/types.js';
import { useMe } from '../auth/session.js';
import { allKeys, buildAgencyTree, type TreeNode } from '../lib/agencyTree.js';
import { apiFieldErrors } from '../lib/formErrors.js';

/** ORG-1: which levels may sit under a parent of each level. */
const CHILD_LEVELS: Record<AgencyLevel, AgencyLevel[]> = {
  province: ['city'],
  city: ['county', 'branch'],
  county: [],
  branch: [],
};

const TEXT_FIELDS = [
  'name',
  'shortName',
  'creditCode',
  'nature',
  'functions',
  'jurisdiction',
  'enforcementArea',
  'address',
  'postcode',
  'phone',
  'email',
  'website',
  'complaintChannel',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type AgencyFormValues = Partial<Record<TextField, string>> & { level?: AgencyLevel; sortOrder?: number | null };
const FORM_FIELDS: readonly (keyof AgencyFormValues)[] = [...TEXT_FIELDS, 'level', 'sortOrder'];


export function AgenciesPage() {
  const { me } = useMe();
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ mode: 'edit' | 'create'; agency: Agency } | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const { items } = await api.get<{ items: Agency[] }>('/agencies');
      setAgencies(items);
      setSelectedId((cur) => (cur && items.some((a) => a.id === cur) ? cur : (items.find((a) => a.id === me.agencyId)?.id ?? items[0]?.id ?? null)));
    } catch (e) {
      setError(errorMessage(e));
      setAgencies((cur) => cur ?? []);
    }
  }, [me.agencyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const tree = useMemo(() => buildAgencyTree(agencies ?? []), [agencies]);
  const byId = useMemo(() => new Map((agencies ?? []).map((a) => [a.id, a] as const)), [agencies]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Row gutter={16}>
        <Col xs={24} md={9} lg={8}>
          <Card title="执法主体" extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新" />}>
            {agencies === null ? (
              <Spin />
            ) : tree.length === 0 ? (
              <Empty description="暂无可查看的机关" />
            ) : (
              <Tree
                blockNode
                defaultExpandAll
                key={allKeys(tree).join(',')}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => {
                  const k = keys[0];
                  if (typeof k === 'string') setSelectedId(k);
                }}
                treeData={toTreeData(tree)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={15} lg={16}>
          {selected ? (
            <AgencyDetails
              agency={selected}
              parentName={selected.parentId ? byId.get(selected.parentId)?.name : undefined}
              onEdit={() => setEditing({ mode: 'edit', agency: selected })}
              onCreateChild={() => setEditing({ mode: 'create', agency: selected })}
            />
          ) : (
            <Card>
              <Empty description="请在左侧选择机关" />
            </Card>
          )}
        </Col>
      </Row>
      {editing ? (
        <AgencyFormModal
          mode={editing.mode}
          agency={editing.agency}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            setSelectedId(saved.id);
            await load();
          }}
        />
      ) : null}
    </Space>
  );
}

function toTreeData(nodes: TreeNode<Agency>[]): { key: string; title: ReactNode; children: ReturnType<typeof toTreeData> }[] {
  return nodes.map((n) => ({
    key: n.key,
    title: (
      <span>
        {n.item.name} <Tag style={{ marginInlineStart: 4 }}>{AGENCY_LEVEL_LABELS[n.item.level]}</Tag>
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

function AgencyDetails({ agency: a, parentName, onEdit, onCreateChild }: { agency: Agency; parentName: string | undefined; onEdit: () => void; onCreateChild: () => void }) {
  const canCreateChild = !!a.abilities?.createChild && CHILD_LEVELS[a.level].length > 0;
  const dash = (v: string | null | undefined) => (v ? v : <Typography.Text type="secondary">—</Typography.Text>);
  return (
    <Card
      title={a.name}
      extra={
        <Space>
          {a.abilities?.update ? (
            <Button icon={<EditOutlined />} onClick={onEdit}>
              编辑
            </Button>
          ) : null}
          {canCreateChild ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreateChild}>
              新建下级机关
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions
        column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
        bordered
        size="small"
        items={[
          { key: 'name', label: '机关名称', children: a.name, span: 'filled' },
          { key: 'shortName', label: '简称', children: dash(a.shortName) },
          { key: 'level', label: '层级', children: AGENCY_LEVEL_LABELS[a.level] },
          { key: 'creditCode', label: '统一社会信用代码', children: a.creditCode },
          { key: 'nature', label: '机关性质', children: dash(a.nature) },
          { key: 'parent', label: '上级机关', children: dash(parentName ?? (a.parentId ? '（不在可查看范围内）' : '无')) },
          { key: 'profile', label: '规则配置', children: dash(a.profileId) },
          { key: 'functions', label: '职责', children: <span className="sx-pre">{dash(a.functions)}</span>, span: 'filled' },
          { key: 'jurisdiction', label: '管辖范围', children: dash(a.jurisdiction), span: 'filled' },
          { key: 'enforcementArea', label: '执法区域', children: dash(a.enforcementArea), span: 'filled' },
          { key: 'address', label: '地址', children: dash(a.address), span: 'filled' },
          { key: 'postcode', label: '邮政编码', children: dash(a.postcode) },
          { key: 'phone', label: '联系电话', children: dash(a.phone) },
          { key: 'email', label: '电子邮箱', children: dash(a.email) },
          { key: 'website', label: '网站', children: dash(a.website) },
          { key: 'complaintChannel', label: '投诉举报渠道', children: <span className="sx-pre">{dash(a.complaintChannel)}</span>, span: 'filled' },
          { key: 'sortOrder', label: '排序', children: a.sortOrder },
          { key: 'updatedAt', label: '更新时间', children: dayjs(a.updatedAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Card>
  );
}

export function AgencyFormModal({ mode, agency, onClose, onSaved }: { mode: 'edit' | 'create'; agency: Agency; onClose: () => void; onSaved: (a: Agency) => void | Promise<void> }) {
  const [form] = Form.useForm<AgencyFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const childLevels = CHILD_LEVELS[agency.level];

  const initialValues: AgencyFormValues =
    mode === 'edit'
      ? { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, agency[f] ?? ''])), sortOrder: agency.sortOrder }
      : { level: childLevels[0], nature: '行政机关' };

  const submit = async () => {
    let v: AgencyFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const body: Record<string, unknown> = {};
      for (const f of TEXT_FIELDS) {
        const value = (v[f] ?? '').trim();
        if (mode === 'edit') body[f] = f === 'shortName' && value === '' ? null : value;
        else if (value !== '') body[f] = value;
      }
      if (typeof v.sortOrder === 'number') body.sortOrder = v.sortOrder;
      const saved =
        mode === 'edit'
          ? (await api.patch<{ agency: Agency }>(`/agencies/${encodeURIComponent(agency.id)}`, body)).agency
          : (await api.post<{ agency: Agency }>('/agencies', { ...body, parentId: agency.id, level: v.level })).agency;
      message.success(mode === 'edit' ? '机关信息已保存' : `已新建 ${saved.name}`);
      await onSaved(saved);
    } catch (e) {
      const fields = apiFieldErrors(e, FORM_FIELDS, {
        'identity.invalid_credit_code': 'creditCode',
        'agency.duplicate_code': 'creditCode',
        'agency.parent_level': 'level',
      });
      if (fields.length) form.setFields(fields);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={mode === 'edit' ? `编辑：${agency.name}` : `新建下级机关（上级：${agency.name}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<AgencyFormValues> form={form} layout="vertical" initialValues={initialValues} requiredMark>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item label="机关名称" name="name" rules={[{ required: true, message: '请输入机关名称' }, { min: 2, max: 100, message: '机关名称为 2–100 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="简称" name="shortName" rules={[{ max: 50, message: '不超过 50 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          {mode === 'create' ? (
            <Col span={8}>
              <Form.Item label="层级" name="level" rules={[{ required: true, message: '请选择层级' }]}>
                <Select options={childLevels.map((l) => ({ value: l, label: AGENCY_LEVEL_LABELS[l] }))} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={mode === 'create' ? 16 : 12}>
            <Form.Item label="统一社会信用代码" name="creditCode" rules={[{ required: true, message: '请输入统一社会信用代码' }, { max: 18, message: '统一社会信用代码为 18 位' }]}>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={mode === 'create' ? 12 : 6}>
            <Form.Item label="机关性质" name="nature">
              <Input />
            </Form.Item>
          </Col>
          <Col span={mode === 'create' ? 12 : 6}>
            <Form.Item label="排序" name="sortOrder">
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="职责" name="functions">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="管辖范围" name="jurisdiction">
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="执法区域" name="enforcementArea">
              <Input />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="地址" name="address">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="邮政编码" name="postcode" rules={[{ pattern: /^(\d{6})?$/, message: '邮政编码应为 6 位数字' }]}>
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="联系电话" name="phone">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="电子邮箱" name="email">
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="网站" name="website">
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="投诉举报渠道" name="complaintChannel">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
