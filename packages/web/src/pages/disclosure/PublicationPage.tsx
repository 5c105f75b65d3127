/**
 * One publication (PUB-1..PUB-9): its status and deadlines, why it cannot be
 * published yet, the acts of the clerk and the approver, the content with
 * the redaction diff (edited by the clerk), and the history. Every act
 * answers with the whole publication, which replaces the one shown.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Space, Spin } from 'antd';
import { errorMessage } from '../../api/client.js';
import { useMe } from '../../auth/session.js';
import { ContentEditor } from './ContentEditor.js';
import { disclosureApi, disclosureRoles, publicationAbilities, type PublicationDetail, type PublicationEdit } from './disclosureApi.js';
import { ProblemList, PublicationActions, type Act } from './PublicationActions.js';
import { PublicationHeader } from './PublicationHeader.js';
import { PublicationHistory } from './PublicationHistory.js';
import { PublicTexts } from './PublicTexts.js';

/** Loads one publication; `replace` takes the answer of an act. */
export function usePublication(id: string) {
  const [detail, setDetail] = useState<PublicationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setDetail(await disclosureApi.get(id));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { detail, error, reload, replace: setDetail };
}

export function PublicationPage() {
  const { id = '' } = useParams();
  const { me } = useMe();
  const { message } = App.useApp();
  const { detail, error, replace } = usePublication(id);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  /** Runs an act; the caller shows the error (a dialog keeps it, the page shows it above). */
  const act: Act = async (key, fn, done) => {
    setBusy(key);
    setActionError(null);
    try {
      replace(await fn());
      void message.success(done);
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} action={<Link to="/disclosure/publications">返回公示管理</Link>} />;
  if (!detail) return <Spin />;
  const p = detail.publication;
  const can = publicationAbilities(p, disclosureRoles(me.roles));
  const save = (edit: PublicationEdit) => void act('save', () => disclosureApi.save(p.id, edit), p.status === 'published' ? '已保存更正版本，请提交审核' : '已保存新版本').catch(setActionError);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/disclosure/publications">← 公示管理</Link>
      <PublicationHeader detail={detail} />
      <ProblemList problems={detail.problems} status={p.status} />
      {actionError ? <Alert type="error" showIcon title={errorMessage(actionError)} data-testid="action-error" closable={{ onClose: () => setActionError(null) }} /> : null}
      <PublicationActions detail={detail} can={can} act={act} busy={busy} onError={setActionError} />
      <PublicTexts texts={detail.publicTexts} />
      <ContentEditor key={`${p.id}:${detail.version.version}`} detail={detail} editable={can.edit} correction={p.status === 'published'} busy={busy === 'save'} onSave={save} />
      <PublicationHistory events={detail.events} />
    </Space>
  );
}
