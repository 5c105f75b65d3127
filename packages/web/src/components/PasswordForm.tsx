/**
 * Change one's own password (POST /auth/password). The rule is checked here
 * for quick feedback; the server checks it again and its message is shown.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, type FormRule } from 'antd';
import { api, errorMessage } from '../api/client.js';
import { PASSWORD_RULE_TEXT, passwordProblems } from '../lib/password.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** antd form rule: the password rule for new passwords. */
export const strongPasswordRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const problems = passwordProblems(value);
    if (problems.length) throw new Error(`密码不符合要求：${problems.join('；')}`);
  },
};

/** antd form rule: repeats the field `field`. */
export function sameAsRule(field: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}

export function PasswordForm({ onChanged, submitText = '修改密码' }: { onChanged: () => void | Promise<void>; submitText?: string }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (v: Values) => {
    setError(null);
    setSubmitting(true);
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.resetFields();
      await onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" extra={`密码规则：${PASSWORD_RULE_TEXT}。`} rules={[{ required: true, message: '请输入新密码' }, strongPasswordRule]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, sameAsRule('newPassword')]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitText}
      </Button>
    </Form>
  );
}
