/** Pages for areas not built yet, refused areas and unknown addresses. */
import { Button, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';

export function PlaceholderPage({ title }: { title: string }) {
  const navigate = useNavigate();
  return (
    <Result
      icon={<ToolOutlined />}
      title={`${title} · 功能建设中`}
      subTitle="该功能正在建设中，敬请期待。"
      extra={<Button onClick={() => navigate('/')}>返回首页</Button>}
    />
  );
}

export function ForbiddenPage() {
  const navigate = useNavigate();
  return <Result status="403" title="无权访问" subTitle="您的角色无权使用该功能。如需开通，请联系安全管理员。" extra={<Button onClick={() => navigate('/')}>返回首页</Button>} />;
}

export function NotFoundPage() {
  const navigate = useNavigate();
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在。" extra={<Button onClick={() => navigate('/')}>返回首页</Button>} />;
}
