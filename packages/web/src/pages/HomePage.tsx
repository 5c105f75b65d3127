/**
 * Start page of every role: 待办 — what waits for me, ordered by due date,
 * with 逾期 / 预警 / 暂定 badges and a link to where the work is done; below
 * it, the areas the user's roles use.
 */
import { useEffect, useState } from 'react';
import { Alert, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session.js';
import { BUSINESS_NAV, NAV_GROUPS, canSee, visibleItems } from '../layout/navigation.js';
import { errorMessage } from '../api/client.js';
import { fetchTodo, markTodoSeen, TODO_CHANGED_EVENT, type TodoItem, type TodoList } from '../api/todo.js';

const URGENCY_COLOR: Record<string, string> = { overdue: 'red', warning: 'orange' };

export function TodoBadges({ item }: { item: TodoItem }) {
  return (
    <>
      {item.urgencyLabel ? <Tag color={URGENCY_COLOR[item.urgency]}>{item.urgencyLabel}</Tag> : null}
      {item.provisional ? (
        <Tag color="gold" title={item.provisionalReason ?? undefined}>
          暂定
        </Tag>
      ) : null}
      {item.unread ? <Tag color="blue">新</Tag> : null}
    </>
  );
}

function TodoRow({ item }: { item: TodoItem }) {
  return (
    <List.Item data-testid="todo-item" data-kind={item.kind}>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Tag>{item.kindLabel}</Tag>
          <TodoBadges item={item} />
          <Link to={item.link}>{item.title}</Link>
        </Space>
        <Typography.Text type="secondary" className="sx-meta">
          {item.reference}
          {item.due ? `${item.reference ? ' · ' : ''}期限 ${item.due.slice(0, 10)}${item.due.length > 10 ? ` ${item.due.slice(11, 16)}` : ''}` : ''}
          {item.provisional && item.provisionalReason ? `（${item.provisionalReason}）` : ''}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

export function HomePage() {
  const { me, agencyName } = useMe();
  const [list, setList] = useState<TodoList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const areas = [...BUSINESS_NAV.filter((i) => canSee(i, me.roles)), ...NAV_GROUPS.flatMap((g) => visibleItems(g, me.roles))];

  useEffect(() => {
    let live = true;
    fetchTodo()
      .then(async (l) => {
        if (!live) return;
        setList(l);
        const fresh = l.items.filter((i) => i.unread).map((i) => i.key);
        if (fresh.length) {
          await markTodoSeen(fresh);
          window.dispatchEvent(new Event(TODO_CHANGED_EVENT));
        }
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  const overdue = list?.items.filter((i) => i.urgency === 'overdue').length ?? 0;
  const warning = list?.items.filter((i) => i.urgency === 'warning').length ?? 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 22 }}>
          我的待办
        </Typography.Title>
        <Typography.Paragraph>
          <span>您好，{me.displayName}</span>
          <Typography.Text className="sx-meta">
            {agencyName ? ` · ${agencyName}` : ''}
            {me.roleLabels.length ? ` · ${me.roleLabels.join('、')}` : ''}
          </Typography.Text>
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon message={error} /> : null}
        {list ? (
          <>
            <Typography.Paragraph data-testid="todo-summary">
              共 {list.items.length} 项{overdue ? `，逾期 ${overdue} 项` : ''}
              {warning ? `，预警 ${warning} 项` : ''}（按期限排序；预警：两个工作日内到期）
            </Typography.Paragraph>
            {list.items.length ? (
              <List data-testid="todo-list" dataSource={list.items} renderItem={(item) => <TodoRow item={item} />} />
            ) : (
              <Empty description="暂无待办事项" />
            )}
          </>
        ) : !error ? (
          <Typography.Paragraph>正在加载待办…</Typography.Paragraph>
        ) : null}
      </Card>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          常用功能
        </Typography.Title>
        {areas.length ? (
          <Row gutter={[16, 16]}>
            {areas.map((a) => (
              <Col key={a.path} xs={12} sm={12} md={8} lg={6}>
                <Link to={a.path}>
                  <Card hoverable size="small">
                    <Typography.Text strong>{a.label}</Typography.Text>
                    {a.placeholder ? <Typography.Text className="sx-meta">（建设中）</Typography.Text> : null}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        ) : (
          <Typography.Paragraph>您的账号尚未分配业务角色，请联系安全管理员。</Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
