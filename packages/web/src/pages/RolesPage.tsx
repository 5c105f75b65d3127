/**
 * 角色分配 (SYS-5 security administrator): grant roles, unlock accounts and
 * reset passwords. Separation of duties (三员) is decided by the server; its
 * refusal is shown as it comes.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Divider, Form, Input, Modal, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { KeyOutlined, ReloadOutlined, TeamOutlined, UnlockOutlined } from '@ant-design/icons';
import { ADMIN_ROLES, ROLES, ROLE_LABELS, type Role } from '../domain.js';
import { api, errorMessage } from '../api/client.js';
import { useUserDirectory } from '../lib/useUserDirectory.js';
import type { User } from '../api/types.js';
import { AgencySelect } from '../components/AgencySelect.js';
import { sameAsRule, strongPasswordRule } from '../components/PasswordForm.js';
import { RoleTags, UserStatusTags } from '../components/UserBits.js';
import { apiFieldErrors } from '../lib/formErrors.js';
import { PASSWORD_RULE_TEXT } from '../lib/password.js';

const ADMIN = ADMIN_ROLES as readonly Role[];
const BUSINESS_ROLES = ROLES.filter((r) => !ADMIN.includes(r));

export function RolesPage() {
  const { message } = App.useApp();
  const { agencies, agencyId, setAgencyId, users, loading, error, reload: load, replace } = useUserDirectory();
  const [rolesFor, setRolesFor] = useState<User | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);

  const unlock = async (u: User) => {
    try {
      replace((await api.post<{ user: User }>(`/users/${encodeURIComponent(u.id)}/unlock`)).user);
      message.success(`已解锁 ${u.displayName}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 140 },
    { title: '所属机关', dataIndex: 'agencyName', width: 220 },
    { title: '角色', key: 'roles', width: 260, render: (_, u) => <RoleTags roles={u.roles} /> },
    { title: '状态', key: 'state', width: 150, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: '操作',
      key: 'actions',
      width: 280,
      fixed: 'right',
      render: (_, u) => (
        <Space size="small" wrap>
          {u.abilities?.assignRoles ? (
            <Button size="small" icon={<TeamOutlined />} onClick={() => setRolesFor(u)}>
              分配角色
            </Button>
          ) : null}
          {u.abilities?.unlock && u.locked ? (
            <Popconfirm title={`解锁 ${u.displayName} 的账号？`} okText="解锁" cancelText="取消" onConfirm={() => unlock(u)}>
              <Button size="small" icon={<UnlockOutlined />}>
                解锁
              </Button>
            </Popconfirm>
          ) : null}
          {u.abilities?.resetPassword ? (
            <Button size="small" icon={<KeyOutlined />} onClick={() => setResetFor(u)}>
              重置密码
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
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
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
        />
      </Card>
      {rolesFor ? (
        <RolesModal
          user={rolesFor}
          onClose={() => setRolesFor(null)}
          onSaved={(u) => {
            setRolesFor(null);
            replace(u);
            message.success(`已更新 ${u.displayName} 的角色`);
          }}
        />
      ) : null}
      {resetFor ? (
        <ResetPasswordModal
          user={resetFor}
          onClose={() => setResetFor(null)}
          onSaved={(u) => {
            setResetFor(null);
            replace(u);
            message.success(`已重置 ${u.displayName} 的密码，该用户下次登录时须修改密码`);
          }}
        />
      ) : null}
    </Space>
  );
}

export function RolesModal({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: (u: User) => void }) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setError(null);
    setSaving(true);
    try {
      onSaved((await api.put<{ user: User }>(`/users/${encodeURIComponent(user.id)}/roles`, { roles })).user);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const option = (r: Role) => ({ value: r, label: ROLE_LABELS[r] });
  return (
    <Modal open title={`分配角色：${user.displayName}（${user.agencyName}）`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Checkbox.Group<Role> value={roles} onChange={(v) => setRoles(v)} style={{ display: 'block' }}>
        <Divider titlePlacement="start" plain>
          业务角色
        </Divider>
        <Space wrap size={[16, 8]}>
          {BUSINESS_ROLES.map((r) => (
            <Checkbox key={r} value={r}>
              {option(r).label}
            </Checkbox>
          ))}
        </Space>
        <Divider titlePlacement="start" plain>
          管理员角色（三员）
        </Divider>
        <Space wrap size={[16, 8]}>
          {ADMIN.map((r) => (
            <Checkbox key={r} value={r}>
              {option(r).label}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        依等级保护要求，系统管理员、安全管理员、审计管理员须由不同人员担任，且不得兼任业务角色。
      </Typography.Paragraph>
    </Modal>
  );
}

interface ResetValues {
  newPassword: string;
  confirm: string;
}

function ResetPasswordModal({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: (u: User) => void }) {
  const [form] = Form.useForm<ResetValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let v: ResetValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      onSaved((await api.post<{ user: User }>(`/users/${encodeURIComponent(user.id)}/password-reset`, { newPassword: v.newPassword })).user);
    } catch (e) {
      const fields = apiFieldErrors(e, ['newPassword'], { 'auth.password_weak': 'newPassword' });
      if (fields.length) form.setFields(fields);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`重置密码：${user.displayName}`} okText="重置" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Alert type="info" showIcon title="重置后账号同时解锁，用户下次登录时须修改密码。" style={{ marginBottom: 16 }} />
      <Form<ResetValues> form={form} layout="vertical">
        <Form.Item label="新密码" name="newPassword" extra={`${PASSWORD_RULE_TEXT}。`} rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
