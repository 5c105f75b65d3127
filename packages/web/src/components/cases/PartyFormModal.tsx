/**
 * 登记当事人 (NAT-13): the fields follow the kind — a natural person's
 * identity document, an organisation's 统一社会信用代码 and legal
 * representative, an individual business's operator. The server checks the
 * numbers (GB 11643, GB 32100); each of its complaints is shown under the
 * field it concerns.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, Modal, Radio, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, isApiError } from '../../api/client.js';
import type { Party } from '../../api/cases.js';
import { CONTACT_KIND_LABELS, ID_TYPE_LABELS, PARTY_KIND_LABELS, type ContactKind, type IdType, type PartyKind } from '../../domain.js';

interface PartyFormValues {
  kind: PartyKind;
  name: string;
  idType?: IdType;
  idTypeName?: string;
  idNumber?: string;
  minor?: boolean;
  creditCode?: string;
  legalRepresentative?: { name?: string; idNumber?: string };
  operator?: { name?: string; idNumber?: string };
  address: string;
  contacts?: { kind?: ContactKind; value?: string }[];
}

type FieldName = string | [string, string];

/**
 * Which field a segment of the server's message concerns, from the label it
 * starts with ("统一社会信用代码：…", "法定代表人（负责人）居民身份证号码：…").
 */
export function partyFieldOf(segment: string, kind: PartyKind): FieldName | null {
  const label = segment.split('：')[0] ?? '';
  if (label.startsWith('法定代表人')) return /身份证|证件/.test(label) ? ['legalRepresentative', 'idNumber'] : ['legalRepresentative', 'name'];
  if (label.startsWith('经营者')) return /身份证|证件/.test(label) ? ['operator', 'idNumber'] : ['operator', 'name'];
  if (label.includes('统一社会信用代码')) return 'creditCode';
  if (label.includes('证件类型')) return 'idTypeName';
  if (label.includes('身份证') || label === '证件号码') return kind === 'naturalPerson' ? 'idNumber' : kind === 'organisation' ? ['legalRepresentative', 'idNumber'] : ['operator', 'idNumber'];
  if (label === '姓名' || label === '名称') return 'name';
  if (label === '地址') return 'address';
  if (label === '未成年人') return 'minor';
  return null;
}

/** Splits "当事人信息不完整或有误：A：…；B：…" into per-field errors and the rest. */
export function partyErrors(message: string, kind: PartyKind): { fields: { name: FieldName; errors: string[] }[]; rest: string[] } {
  const body = message.includes('：') ? message.slice(message.indexOf('：') + 1) : message;
  const fields = new Map<string, { name: FieldName; errors: string[] }>();
  const rest: string[] = [];
  for (const seg of body.split('；').map((s) => s.trim()).filter(Boolean)) {
    const name = partyFieldOf(seg, kind);
    if (!name) {
      rest.push(seg);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = fields.get(key) ?? { name, errors: [] };
    entry.errors.push(seg);
    fields.set(key, entry);
  }
  return { fields: [...fields.values()], rest };
}

const trimmed = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function toBody(v: PartyFormValues): Record<string, unknown> {
  const person = (p?: { name?: string; idNumber?: string }) => (p && (trimmed(p.name) || trimmed(p.idNumber)) ? { name: trimmed(p.name) ?? '', ...(trimmed(p.idNumber) ? { idType: 'residentId', idNumber: trimmed(p.idNumber) } : {}) } : undefined);
  const contacts = (v.contacts ?? []).filter((c) => c.kind && trimmed(c.value)).map((c) => ({ kind: c.kind, value: trimmed(c.value) }));
  const body: Record<string, unknown> = { kind: v.kind, name: v.name?.trim() ?? '', address: v.address?.trim() ?? '' };
  if (contacts.length) body.contacts = contacts;
  if (v.kind === 'naturalPerson') {
    body.idType = v.idType ?? 'residentId';
    if (v.idType === 'other' && trimmed(v.idTypeName)) body.idTypeName = trimmed(v.idTypeName);
    if (trimmed(v.idNumber)) body.idNumber = trimmed(v.idNumber);
    if (v.minor) body.minor = true;
  } else {
    if (trimmed(v.creditCode)) body.creditCode = trimmed(v.creditCode)!.toUpperCase();
    const p = person(v.kind === 'organisation' ? v.legalRepresentative : v.operator);
    if (p) body[v.kind === 'organisation' ? 'legalRepresentative' : 'operator'] = p;
  }
  return body;
}

export function PartyFormModal({ onClose, onCreated, initialName }: { onClose: () => void; onCreated: (p: Party) => void; initialName?: string }) {
  const [form] = Form.useForm<PartyFormValues>();
  const kind = Form.useWatch('kind', form) ?? 'organisation';
  const idType = Form.useWatch('idType', form) ?? 'residentId';
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let v: PartyFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { party } = await api.post<{ party: Party }>('/parties', toBody(v));
      onCreated(party);
    } catch (e) {
      if (isApiError(e) && e.code === 'case.party_invalid') {
        const { fields, rest } = partyErrors(e.message, v.kind);
        form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
        if (rest.length || !fields.length) setError(rest.length ? `当事人信息不完整或有误：${rest.join('；')}` : e.message);
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const personFields = (prefix: 'legalRepresentative' | 'operator', label: string, required: boolean) => (
    <Row gutter={16}>
      <Col span={10}>
        <Form.Item label={`${label}姓名`} name={[prefix, 'name']} rules={required ? [{ required: true, whitespace: true, message: `请输入${label}姓名` }] : []}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item label={`${label}居民身份证号码`} name={[prefix, 'idNumber']}>
          <Input maxLength={18} />
        </Form.Item>
      </Col>
    </Row>
  );

  return (
    <Modal open title="新建当事人" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }} width={640}>
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<PartyFormValues> form={form} layout="vertical" name="party" initialValues={{ kind: 'organisation', idType: 'residentId', ...(initialName ? { name: initialName } : {}) }}>
        <Form.Item label="当事人类别" name="kind" rules={[{ required: true }]}>
          <Radio.Group options={(Object.keys(PARTY_KIND_LABELS) as PartyKind[]).map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label={kind === 'naturalPerson' ? '姓名' : '名称'} name="name" rules={[{ required: true, whitespace: true, message: kind === 'naturalPerson' ? '请输入姓名' : '请输入名称' }]}>
          <Input />
        </Form.Item>
        {kind === 'naturalPerson' ? (
          <>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item label="证件类型" name="idType">
                  <Select options={(Object.keys(ID_TYPE_LABELS) as IdType[]).map((k) => ({ value: k, label: ID_TYPE_LABELS[k] }))} />
                </Form.Item>
              </Col>
              {idType === 'other' ? (
                <Col span={6}>
                  <Form.Item label="证件名称" name="idTypeName" rules={[{ required: true, message: '请输入证件名称，如护照' }]}>
                    <Input />
                  </Form.Item>
                </Col>
              ) : null}
              <Col span={idType === 'other' ? 10 : 16}>
                <Form.Item label={idType === 'other' ? '证件号码' : '居民身份证号码'} name="idNumber" rules={[{ required: true, whitespace: true, message: '自然人须填写证件号码' }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="minor" valuePropName="checked" extra="未成年人的案件信息不予公开；填写居民身份证号码时由系统按出生日期判断。">
              <Checkbox>未成年人</Checkbox>
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              label="统一社会信用代码"
              name="creditCode"
              rules={kind === 'organisation' ? [{ required: true, whitespace: true, message: '法人或者其他组织须填写统一社会信用代码' }] : []}
              extra={kind === 'individualBusiness' ? '个体工商户无统一社会信用代码的，须登记经营者居民身份证号码。' : undefined}
            >
              <Input maxLength={18} />
            </Form.Item>
            {kind === 'organisation' ? personFields('legalRepresentative', '法定代表人（负责人）', true) : personFields('operator', '经营者', true)}
          </>
        )}
        <Form.Item label="住所（地址）" name="address" rules={[{ required: true, whitespace: true, message: '请输入住所或地址（送达及决定书均需载明）' }]}>
          <Input />
        </Form.Item>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Form.Item label="联系方式">
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'kind']} noStyle initialValue="mobile">
                    <Select style={{ width: 120 }} options={(Object.keys(CONTACT_KIND_LABELS) as ContactKind[]).map((k) => ({ value: k, label: CONTACT_KIND_LABELS[k] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} noStyle>
                    <Input />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} aria-label="删除联系方式" onClick={() => remove(f.name)} />
                </Space.Compact>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'mobile', value: '' })}>
                添加联系方式
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
