/** The forced password change (initial or reset password) before anything else. */
import { Navigate, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useSession } from '../auth/session.js';
import { PasswordForm } from '../components/PasswordForm.js';

export function ChangePasswordPage() {
  const { state, refresh, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (state.status === 'loading') return null;
  if (state.status === 'anonymous') return <Navigate to="/login" replace />;
  if (!state.me.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <div className="sx-login">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          修改初始密码
        </Typography.Title>
        <Alert type="warning" showIcon title={`${state.me.displayName}，您正在使用管理员设置的初始密码，须先修改密码后才能继续使用。`} style={{ marginBottom: 16 }} />
        <PasswordForm
          submitText="修改并继续"
          onChanged={async () => {
            message.success('密码已修改');
            await refresh();
            navigate('/', { replace: true });
          }}
        />
        <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
          退出登录
        </Button>
      </Card>
    </div>
  );
}
