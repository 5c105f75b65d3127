/**
 * 立案 (REC-3 · GS-R 7): the action type decides the sources a case may have
 * (an application-started type only 依申请); at least two handlers with valid
 * certificates (ORG-2); the party, the discovery date and the measures
 * already taken are optional here and can be recorded later.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, errorMessage, isApiError } from '../../api/client.js';
import type { CaseMeta, CaseView } from '../../api/cases.js';
import { HandlerPicker, useOfficers } from '../../components/cases/HandlerPicker.js';
import { PartyPicker } from '../../components/cases/PartyPicker.js';
import { ACTION_TYPE_INFO, type ActionType, type CaseMeasureKey, type CaseSource } from '../../domain.js';
import { measureOptions, sourcesFor } from '../../lib/caseMeta.js';
import { useCite } from '../../auth/session.js';

interface NewCaseValues {
  actionType?: ActionType;
  source?: CaseSource;
  title: string;
  partyId?: string | null;
  handlerIds: string[];
  discoveryDate?: Dayjs | null;
  measures?: CaseMeasureKey[];
}

export function NewCaseModal({ meta, meId, canCreateParty, onClose, onCreated }: { meta: CaseMeta; meId: string; canCreateParty: boolean; onClose: () => void; onCreated: (c: CaseView) => void }) {
  const cite = useCite();
  const [form] = Form.useForm<NewCaseValues>();
  const actionType = Form.useWatch('actionType', form);
  const { officers, loading: officersLoading, error: officersError } = useOfficers();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const sources = sourcesFor(meta, actionType);
  const exOfficio = actionType ? ACTION_TYPE_INFO[actionType].start === 'exOfficio' : true;

  // The signed-in officer handles the case by default (when the certificate is usable).
  useEffect(() => {
    const self = officers.find((o) => o.id === meId && o.usable);
    if (self && !(form.getFieldValue('handlerIds') as string[] | undefined)?.length) form.setFieldValue('handlerIds', [self.id]);
  }, [officers, meId, form]);

  const onTypeChange = (t: ActionType) => {
    const allowed = sourcesFor(meta, t);
    const current = form.getFieldValue('source') as string | undefined;
    if (allowed.length === 1) form.setFieldValue('source', allowed[0]!.value);
    else if (!allowed.some((s) => s.value === current)) form.setFieldValue('source', undefined);
    const measures = (form.getFieldValue('measures') as string[] | undefined) ?? [];
    const ok = new Set(measureOptions(meta, t).map((m) => m.value));
    form.setFieldValue('measures', measures.filter((m) => ok.has(m)));
  };

  const submit = async () => {
    let v: NewCaseValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { case: created } = await api.post<{ case: CaseView }>('/cases', {
        actionType: v.actionType,
        source: v.source,
        title: v.title.trim(),
        handlerIds: v.handlerIds,
        ...(v.partyId ? { partyId: v.partyId } : {}),
        ...(v.discoveryDate ? { discoveryDate: v.discoveryDate.format('YYYY-MM-DD') } : {}),
        ...(v.measures?.length ? { measures: v.measures } : {}),
      });
      onCreated(created);
    } catch (e) {
      if (isApiError(e) && e.code === 'case.handlers_invalid') form.setFields([{ name: 'handlerIds', errors: [e.message] }]);
      else if (isApiError(e) && e.code === 'case.source_invalid') form.setFields([{ name: 'source', errors: [e.message] }]);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title="新建案件（立案）" okText="立案" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }} width={720}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {officersError ? <Alert type="warning" showIcon title={`无法读取本机关执法人员：${officersError}`} style={{ marginBottom: 16 }} /> : null}
      <Form<NewCaseValues> form={form} layout="vertical" name="newCase" initialValues={{ handlerIds: [], measures: [] }}>
        <Form.Item label="执法类别" name="actionType" rules={[{ required: true, message: '请选择执法类别' }]}>
          <Select<ActionType> placeholder="请选择" options={meta.actionTypes.map((t) => ({ value: t.key, label: t.label }))} onChange={onTypeChange} />
        </Form.Item>
        <Form.Item
          label="案件来源"
          name="source"
          rules={[{ required: true, message: '请选择案件来源' }]}
          extra={actionType ? cite(exOfficio ? '依职权启动：案件来源和立案情况应当进行文字记录（GS-R 第七条第一款）' : '依申请启动：申请、补正、受理的情况应当进行文字记录（GS-R 第七条第二款）') : '先选择执法类别'}
        >
          <Select placeholder={actionType ? '请选择' : '先选择执法类别'} disabled={!actionType} options={sources} />
        </Form.Item>
        <Form.Item label="案件名称" name="title" rules={[{ required: true, whitespace: true, message: '请输入案件名称' }, { min: 2, max: 200, message: '案件名称为 2–200 个字' }]}>
          <Input placeholder="如：对某化工有限公司的双随机检查" />
        </Form.Item>
        <Form.Item label="当事人" name="partyId" extra="可稍后在案件中补充。">
          <PartyPicker canCreate={canCreateParty} />
        </Form.Item>
        <Form.Item
          label="承办人员"
          name="handlerIds"
          extra="须两名以上持有效执法证的本机关执法人员；第一位为主办人员（《中华人民共和国行政处罚法》第四十二条）。"
          rules={[
            { required: true, message: '请选择承办人员' },
            { validator: async (_r, v: string[] | undefined) => { if ((v?.length ?? 0) < 2) throw new Error('承办人员不得少于两人'); } },
          ]}
        >
          <HandlerPicker officers={officers} loading={officersLoading} />
        </Form.Item>
        {exOfficio ? (
          <Form.Item label="发现日期" name="discoveryDate" extra="发现违法行为或者取得案件线索之日，决定是否立案的期限由此起算。">
            <DatePicker format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        ) : null}
        <Form.Item label="已采取的措施" name="measures">
          <Select mode="multiple" allowClear placeholder={actionType ? '可多选' : '先选择执法类别'} disabled={!actionType} options={actionType ? measureOptions(meta, actionType) : []} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
