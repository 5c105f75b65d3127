/** Keeps a failing page from blanking the whole console. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';

export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('页面出错', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出错"
        subTitle="页面显示时发生错误，请刷新后重试；问题持续时请联系系统管理员。"
        extra={<Button onClick={() => window.location.reload()}>刷新页面</Button>}
      />
    );
  }
}
