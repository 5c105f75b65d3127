/**
 * Builds the agency tree from the flat list the API returns (each agency with
 * its parentId). The list holds only what the user may see, so a root is any
 * agency whose parent is not in the list (e.g. a city bureau's own chain
 * starts at the province; a branch administrator's at the branch).
 */
export interface Parented {
  id: string;
  parentId: string | null;
  sortOrder?: number;
}

export interface TreeNode<T extends Parented> {
  key: string;
  item: T;
  children: TreeNode<T>[];
}

export function buildAgencyTree<T extends Parented>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) {
    if (!nodes.has(item.id)) nodes.set(item.id, { key: item.id, item, children: [] });
  }
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    // A node can't be its own ancestor: guard against cycles in bad data.
    if (parent && parent !== node && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const order = new Map(items.map((it, i) => [it.id, i] as const));
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => (a.item.sortOrder ?? 0) - (b.item.sortOrder ?? 0) || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

function isAncestor<T extends Parented>(node: TreeNode<T>, candidate: TreeNode<T>, nodes: Map<string, TreeNode<T>>): boolean {
  // Walks up from `candidate`; true when `node` is among its ancestors.
  const seen = new Set<string>();
  let cur: TreeNode<T> | undefined = candidate;
  while (cur && !seen.has(cur.key)) {
    if (cur.key === node.key) return true;
    seen.add(cur.key);
    cur = cur.item.parentId ? nodes.get(cur.item.parentId) : undefined;
  }
  return false;
}

/** Ids of all nodes (to expand the whole tree). */
export function allKeys<T extends Parented>(roots: readonly TreeNode<T>[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly TreeNode<T>[]) => {
    for (const n of list) {
      out.push(n.key);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}
