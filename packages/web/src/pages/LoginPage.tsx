/** Sign-in. The server's message is shown as is (wrong password, locked, disabled, rate limited). */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage } from '../api/client.js';
import { useSession } from '../auth/session.js';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (state.status === 'signedIn') {
    return <Navigate to={state.me.mustChangePassword ? '/password' : safeFrom(from)} replace />;
  }
  const notice = state.status === 'anonymous' ? state.notice : undefined;

  const onFinish = async (values: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      const me = await login(values.username.trim(), values.password);
      navigate(me.mustChangePassword ? '/password' : safeFrom(from), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="sx-login">
      <Card>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          三项制度执法平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          管理控制台登录
        </Typography.Paragraph>
        {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        {!error && notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          连续多次输入错误密码，账号将被暂时锁定。公众请访问 <a href="/">执法公示网站</a>。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** Only in-console paths are followed after sign-in. */
function safeFrom(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && from !== '/login' && from !== '/password' ? from : '/';
}
