/**
 * What may be done on a publication now, by whom (PUB-1, PUB-5, PUB-8,
 * PUB-9): the clerk submits, asks to withhold or to withdraw; the approver
 * (or the agency head) approves and publishes, returns, decides withholding
 * and withdrawal. Before the approval, why it cannot be published.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Space, Tooltip, Typography } from 'antd';
import type { GateProblem } from '../../domain.js';
import { CommentModal, WithdrawModal, WithholdModal } from './ActionModals.js';
import { disclosureApi, type PublicationAbilities, type PublicationDetail } from './disclosureApi.js';

export type Act = (key: string, fn: () => Promise<PublicationDetail>, done: string) => Promise<void>;

/** PUB-1: every reason the approver may not publish now, shown before the click. */
export function ProblemList({ problems, status }: { problems: GateProblem[]; status: string }) {
  if (!problems.length) {
    return status === 'submitted' ? <Alert type="success" showIcon title="已通过公示前检查，可以审核通过并公示" data-testid="no-problems" /> : null;
  }
  return (
    <Alert
      type={status === 'submitted' ? 'error' : 'warning'}
      showIcon
      data-testid="problems"
      title="不能公示的原因"
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p, i) => (
            <li key={i} data-testid="problem" data-code={p.code}>
              {p.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

type ModalKey = 'approve' | 'return' | 'withhold' | 'withholdYes' | 'withholdNo' | 'withdraw' | 'withdrawYes' | 'withdrawNo';

export function PublicationActions({ detail, can, act, busy, onError }: { detail: PublicationDetail; can: PublicationAbilities; act: Act; busy: string | null; onError: (e: unknown) => void }) {
  const [open, setOpen] = useState<ModalKey | null>(null);
  const id = detail.publication.id;
  const close = () => setOpen(null);
  const correction = detail.publication.status === 'published';
  // issue 13 item 3: lifted personal masks wait for the approver's explicit consent, given in the approval dialog
  const consentNeeded = detail.problems.filter((p) => p.code === 'liftConsent');
  const blocked = detail.problems.some((p) => p.code !== 'liftConsent');
  const [consent, setConsent] = useState(false);
  const buttons = [];

  if (can.submit) {
    buttons.push(
      <Button key="submit" type="primary" loading={busy === 'submit'} onClick={() => act('submit', () => disclosureApi.submit(id), '已提交审核').catch(onError)}>
        {correction ? '提交更正审核' : '提交审核'}
      </Button>,
    );
  }
  if (can.approve) {
    buttons.push(
      <Tooltip key="approve" title={blocked ? '存在不能公示的原因，请先退回修改' : ''}>
        <Button type="primary" disabled={blocked} onClick={() => setOpen('approve')}>
          审核通过并公示
        </Button>
      </Tooltip>,
      <Button key="return" danger onClick={() => setOpen('return')}>
        退回
      </Button>,
    );
  }
  if (can.decideWithhold) {
    buttons.push(
      <Button key="withholdYes" type="primary" onClick={() => setOpen('withholdYes')}>
        批准不予公开
      </Button>,
      <Button key="withholdNo" onClick={() => setOpen('withholdNo')}>
        不批准不予公开
      </Button>,
    );
  }
  if (can.decideWithdraw) {
    buttons.push(
      <Button key="withdrawYes" type="primary" onClick={() => setOpen('withdrawYes')}>
        批准撤回
      </Button>,
      <Button key="withdrawNo" onClick={() => setOpen('withdrawNo')}>
        不批准撤回
      </Button>,
    );
  }
  if (can.requestWithhold) buttons.push(<Button key="withhold" onClick={() => setOpen('withhold')}>申请不予公开</Button>);
  if (can.requestWithdraw) buttons.push(<Button key="withdraw" danger onClick={() => setOpen('withdraw')}>申请撤回</Button>);

  const decision = (key: ModalKey, title: string, okText: string, call: (comment: string) => Promise<PublicationDetail>, done: string, required = false) => (
    <CommentModal key={key} open={open === key} title={title} okText={okText} label={required ? '退回理由' : '审核意见'} required={required} danger={required} onSubmit={(c) => act(key, () => call(c), done)} onClose={close} />
  );

  return (
    <Card title="办理" size="small" data-testid="publication-actions">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {buttons.length ? <Space wrap>{buttons}</Space> : <Typography.Text type="secondary">当前状态下您没有可办理的事项。</Typography.Text>}
      </Space>
      <CommentModal
        key="approve"
        open={open === 'approve'}
        title="审核通过并公示"
        okText="审核通过并公示"
        label="审核意见"
        intro={
          consentNeeded.length ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="lift-consent"
              title="录入员解除了个人信息的隐去，须您明确同意"
              description={
                <Space orientation="vertical">
                  {consentNeeded.map((p, i) => (
                    <span key={i}>{p.message}</span>
                  ))}
                  <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-label="同意公开已解除隐去的个人信息">
                    我已核对解除隐去的法定事由，明确同意公开上述个人信息
                  </Checkbox>
                  <Typography.Text type="secondary">不同意的，请关闭本窗口并“退回”录入员恢复隐去。</Typography.Text>
                </Space>
              }
            />
          ) : null
        }
        onSubmit={(c) => act('approve', () => disclosureApi.approve(id, c, consentNeeded.length > 0 && consent), '已审核通过并公示')}
        onClose={() => {
          setConsent(false);
          close();
        }}
      />
      {decision('return', '退回修改', '退回', (c) => disclosureApi.return(id, c), '已退回', true)}
      {decision('withholdYes', '批准不予公开', '批准', (c) => disclosureApi.decideWithhold(id, { approve: true, comment: c }), '已批准不予公开')}
      {decision('withholdNo', '不批准不予公开', '不批准', (c) => disclosureApi.decideWithhold(id, { approve: false, comment: c }), '已退回录入员')}
      {decision('withdrawYes', '批准撤回', '批准撤回', (c) => disclosureApi.decideWithdraw(id, { approve: true, comment: c }), '已撤回，公示网站已发布撤回说明')}
      {decision('withdrawNo', '不批准撤回', '不批准', (c) => disclosureApi.decideWithdraw(id, { approve: false, comment: c }), '已不批准撤回')}
      <WithholdModal open={open === 'withhold'} reasons={detail.withholdingReasons} onSubmit={(v) => act('withhold', () => disclosureApi.withhold(id, v), '已提交不予公开申请')} onClose={close} />
      <WithdrawModal open={open === 'withdraw'} onSubmit={(v) => act('withdraw', () => disclosureApi.withdraw(id, v), '已提交撤回申请')} onClose={close} />
    </Card>
  );
}
