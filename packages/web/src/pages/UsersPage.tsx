/**
 * 用户管理 (ORG-2, SYS-5 system administrator): accounts of the agencies in
 * scope with roles, 执法证 certificates (unusable ones in red with the reason)
 * and locked / disabled state; create accounts, disable and enable them, keep
 * the certificate registry. Buttons follow the server's `abilities`.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined, StopOutlined, CheckCircleOutlined, IdcardOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, errorMessage } from '../api/client.js';
import { useUserDirectory } from '../lib/useUserDirectory.js';
import type { Agency, Certificate, CertificateStatus, User } from '../api/types.js';
import { AgencySelect } from '../components/AgencySelect.js';
import { sameAsRule, strongPasswordRule } from '../components/PasswordForm.js';
import { CertificateSummary, RoleTags, UserStatusTags } from '../components/UserBits.js';
import { apiFieldErrors } from '../lib/formErrors.js';
import { CERTIFICATE_STATUS_LABELS } from '../lib/labels.js';
import { PASSWORD_RULE_TEXT } from '../lib/password.js';

export function UsersPage() {
  const { message } = App.useApp();
  const { agencies, agencyId, setAgencyId, users, loading, error, reload: loadUsers, replace } = useUserDirectory();
  const [creating, setCreating] = useState(false);
  const [certFor, setCertFor] = useState<User | null>(null);

  const canCreate = agencies.some((a) => a.abilities?.manageUsers);

  const setDisabled = async (u: User, disabled: boolean) => {
    try {
      const { user } = await api.patch<{ user: User }>(`/users/${encodeURIComponent(u.id)}`, { disabled });
      replace(user);
      message.success(disabled ? `已停用 ${u.displayName}` : `已启用 ${u.displayName}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const setCertStatus = async (u: User, c: Certificate, status: CertificateStatus) => {
    try {
      const { user } = await api.patch<{ user: User }>(`/users/${encodeURIComponent(u.id)}/certificates/${encodeURIComponent(c.id)}`, { status });
      replace(user);
      message.success(`执法证 ${c.number} 已设为“${CERTIFICATE_STATUS_LABELS[status]}”`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<User> = [
    {
      title: '用户',
      key: 'user',
      width: 170,
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {u.username}
            {u.post ? ` · ${u.post}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    { title: '所属机关', dataIndex: 'agencyName', width: 160 },
    { title: '角色', key: 'roles', width: 160, render: (_, u) => <RoleTags roles={u.roles} /> },
    { title: '执法证', key: 'certs', width: 230, render: (_, u) => <CertificateSummary certs={u.certificates} /> },
    { title: '状态', key: 'state', width: 110, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Typography.Text type="secondary">从未登录</Typography.Text>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, u) => (
        <Space size="small" orientation="vertical">
          {u.abilities?.update ? (
            u.disabled ? (
              <Button size="small" icon={<CheckCircleOutlined />} onClick={() => void setDisabled(u, false)}>
                启用
              </Button>
            ) : (
              <Popconfirm title={`停用 ${u.displayName} 的账号？`} description="停用后该用户将立即退出登录。" okText="停用" cancelText="取消" onConfirm={() => setDisabled(u, true)}>
                <Button size="small" danger icon={<StopOutlined />}>
                  停用
                </Button>
              </Popconfirm>
            )
          ) : null}
          {u.abilities?.manageCertificates ? (
            <Button size="small" icon={<IdcardOutlined />} onClick={() => setCertFor(u)}>
              登记执法证
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {/* The page's title is the layout's h1 (one h1 a page). */}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <span>所属机关</span>
          <AgencySelect agencies={agencies} value={agencyId} onChange={setAgencyId} allowClear placeholder="全部机关" style={{ width: 320 }} />
          <Button icon={<ReloadOutlined />} onClick={() => void loadUsers()}>
            刷新
          </Button>
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          ) : null}
        </Space>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Table<User>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={users}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户`, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (u) => u.certificates.length > 0,
            expandedRowRender: (u) => <CertificateTable user={u} onStatus={(c, s) => void setCertStatus(u, c, s)} />,
          }}
        />
      </Card>
      {creating ? (
        <CreateUserModal
          agencies={agencies}
          defaultAgencyId={agencyId}
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            message.success(`已新建用户 ${u.displayName}（首次登录须修改初始密码；角色由安全管理员分配）`);
            void loadUsers();
          }}
        />
      ) : null}
      {certFor ? (
        <CertificateModal
          user={certFor}
          onClose={() => setCertFor(null)}
          onSaved={(u) => {
            setCertFor(null);
            replace(u);
            message.success('执法证已登记');
          }}
        />
      ) : null}
    </Space>
  );
}

function CertificateTable({ user, onStatus }: { user: User; onStatus: (c: Certificate, s: CertificateStatus) => void }) {
  const columns: TableColumnsType<Certificate> = [
    { title: '执法证号', dataIndex: 'number', render: (v: string, c) => <Typography.Text type={c.usable ? undefined : 'danger'}>{v}</Typography.Text> },
    { title: '发证机关', dataIndex: 'issuer' },
    { title: '有效期', key: 'validity', render: (_, c) => `${c.validFrom} 至 ${c.validTo}` },
    {
      title: '可用性',
      key: 'usable',
      render: (_, c) => (c.usable ? <Tag color="green">可用</Tag> : <Tag color="red">{c.problem ?? '不可用'}</Tag>),
    },
    {
      title: '证件状态',
      dataIndex: 'status',
      render: (s: CertificateStatus, c) =>
        user.abilities?.manageCertificates ? (
          <Select<CertificateStatus>
            size="small"
            value={s}
            style={{ width: 100 }}
            aria-label={`执法证 ${c.number} 状态`}
            options={(Object.keys(CERTIFICATE_STATUS_LABELS) as CertificateStatus[]).map((k) => ({ value: k, label: CERTIFICATE_STATUS_LABELS[k] }))}
            onChange={(next) => onStatus(c, next)}
          />
        ) : (
          CERTIFICATE_STATUS_LABELS[s]
        ),
    },
  ];
  return <Table<Certificate> rowKey="id" size="small" pagination={false} columns={columns} dataSource={user.certificates} />;
}

interface NewUserValues {
  agencyId: string;
  username: string;
  displayName: string;
  post?: string;
  phone?: string;
  initialPassword: string;
  confirm: string;
}

function CreateUserModal({ agencies, defaultAgencyId, onClose, onCreated }: { agencies: Agency[]; defaultAgencyId: string | undefined; onClose: () => void; onCreated: (u: User) => void }) {
  const [form] = Form.useForm<NewUserValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const manageable = useMemo(() => (a: Agency) => !!a.abilities?.manageUsers, []);
  const initialAgency = agencies.find((a) => a.id === defaultAgencyId && a.abilities?.manageUsers)?.id;

  const submit = async () => {
    let v: NewUserValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { user } = await api.post<{ user: User }>('/users', {
        agencyId: v.agencyId,
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        post: v.post?.trim() ?? '',
        phone: v.phone?.trim() ?? '',
        initialPassword: v.initialPassword,
      });
      onCreated(user);
    } catch (e) {
      const fields = apiFieldErrors(e, ['agencyId', 'username', 'displayName', 'post', 'phone', 'initialPassword'], {
        'user.duplicate_username': 'username',
        'auth.password_weak': 'initialPassword',
      });
      if (fields.length) form.setFields(fields);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="新建用户" okText="创建" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<NewUserValues> form={form} layout="vertical" initialValues={initialAgency ? { agencyId: initialAgency } : {}}>
        <Form.Item label="所属机关" name="agencyId" rules={[{ required: true, message: '请选择所属机关' }]}>
          <AgencySelect agencies={agencies} enabled={manageable} />
        </Form.Item>
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, message: '用户名为 3–32 位字母、数字、下划线，以字母开头' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }, { max: 50, message: '不超过 50 个字' }]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="岗位" name="post" rules={[{ max: 50, message: '不超过 50 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="电话" name="phone" rules={[{ max: 30, message: '不超过 30 个字符' }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="初始密码" name="initialPassword" extra={`${PASSWORD_RULE_TEXT}；用户首次登录时须修改。`} rules={[{ required: true, message: '请输入初始密码' }, strongPasswordRule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认初始密码" name="confirm" dependencies={['initialPassword']} rules={[{ required: true, message: '请再次输入初始密码' }, sameAsRule('initialPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CertValues {
  number: string;
  issuer: string;
  validity: [Dayjs, Dayjs];
  status: CertificateStatus;
}

function CertificateModal({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: (u: User) => void }) {
  const [form] = Form.useForm<CertValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let v: CertValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { user: updated } = await api.post<{ user: User }>(`/users/${encodeURIComponent(user.id)}/certificates`, {
        number: v.number.trim(),
        issuer: v.issuer.trim(),
        validFrom: v.validity[0].format('YYYY-MM-DD'),
        validTo: v.validity[1].format('YYYY-MM-DD'),
        status: v.status,
      });
      onSaved(updated);
    } catch (e) {
      const fields = apiFieldErrors(e, ['number', 'issuer', 'status']);
      if (fields.length) form.setFields(fields);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`登记执法证：${user.displayName}`} okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<CertValues> form={form} layout="vertical" initialValues={{ status: 'valid' }}>
        <Form.Item label="执法证号" name="number" rules={[{ required: true, message: '请输入执法证号' }, { min: 4, max: 40, message: '执法证号为 4–40 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="发证机关" name="issuer" rules={[{ required: true, message: '请输入发证机关' }, { min: 2, max: 100, message: '发证机关为 2–100 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="有效期" name="validity" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="证件状态" name="status">
          <Select<CertificateStatus> options={(Object.keys(CERTIFICATE_STATUS_LABELS) as CertificateStatus[]).map((k) => ({ value: k, label: CERTIFICATE_STATUS_LABELS[k] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
