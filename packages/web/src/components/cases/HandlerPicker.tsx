/**
 * Choose case handlers among the agency's officers (GET /officers): each with
 * the certificate number; officers whose certificate cannot be used today
 * (expired, suspended, revoked, none) are shown with the reason and cannot
 * be chosen (ORG-2). The first chosen is the lead handler (主办).
 */
import { useEffect, useState } from 'react';
import { Select, Typography } from 'antd';
import { api, errorMessage } from '../../api/client.js';
import type { Officer } from '../../api/cases.js';

export function useOfficers(): { officers: Officer[]; loading: boolean; error: string | null } {
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<{ items: Officer[] }>('/officers')
      .then(({ items }) => live && setOfficers(items))
      .catch((e: unknown) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  return { officers, loading, error };
}

export function officerOption(o: Officer, exclude: readonly string[] = []) {
  return { value: o.id, disabled: !o.usable || exclude.includes(o.id), label: o.name, search: `${o.name} ${o.username} ${o.certificateNumber ?? ''}`, officer: o };
}

export function OfficerLabel({ officer: o }: { officer: Officer }) {
  return (
    <span>
      {o.name}
      <Typography.Text type={o.usable ? 'secondary' : 'danger'} style={{ marginLeft: 6, fontSize: 12 }}>
        {o.certificateNumber ? `执法证 ${o.certificateNumber}` : '未登记执法证'}
        {o.usable ? '' : `（${o.problem ?? '不可用'}）`}
      </Typography.Text>
    </span>
  );
}

export function HandlerPicker({ value, onChange, officers, loading, id, exclude = [], multiple = true }: {
  value?: string[] | string;
  onChange?: (v: string[] | string) => void;
  officers: Officer[];
  loading?: boolean;
  id?: string;
  exclude?: readonly string[];
  multiple?: boolean;
}) {
  return (
    <Select
      {...(id ? { id } : {})}
      {...(multiple ? { mode: 'multiple' as const } : {})}
      loading={loading ?? false}
      value={value}
      onChange={onChange}
      placeholder="选择两名以上持有效执法证的执法人员"
      showSearch={{ optionFilterProp: 'search' }}
      options={officers.map((o) => officerOption(o, exclude))}
      optionRender={(opt) => <OfficerLabel officer={opt.data.officer} />}
      notFoundContent={loading ? '加载中…' : '本机关暂无执法人员'}
    />
  );
}
