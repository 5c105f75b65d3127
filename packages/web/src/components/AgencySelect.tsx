/** A TreeSelect over the agencies the user may see. */
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import type { Agency } from '../api/types.js';
import { buildAgencyTree, type TreeNode } from '../lib/agencyTree.js';

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

function toOptions(nodes: TreeNode<Agency>[], enabled?: (a: Agency) => boolean): Option[] {
  return nodes.map((n) => ({
    value: n.key,
    title: n.item.name,
    ...(enabled && !enabled(n.item) ? { disabled: true } : {}),
    children: toOptions(n.children, enabled),
  }));
}

export function AgencySelect({
  agencies,
  value,
  onChange,
  enabled,
  placeholder = '选择机关',
  allowClear,
  style,
  id,
}: {
  agencies: readonly Agency[];
  value?: string | undefined;
  onChange?: (id: string | undefined) => void;
  /** Only these agencies can be chosen (the others are shown for context). */
  enabled?: (a: Agency) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
}) {
  const treeData = useMemo(() => toOptions(buildAgencyTree(agencies), enabled), [agencies, enabled]);
  return (
    <TreeSelect
      {...(id ? { id } : {})}
      treeData={treeData}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      placeholder={placeholder}
      allowClear={allowClear}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={style}
    />
  );
}
