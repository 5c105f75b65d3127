import { describe, expect, it } from 'vitest';
import { allKeys, buildAgencyTree, type TreeNode } from './agencyTree.js';

interface A {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder?: number;
}

const names = (nodes: TreeNode<A>[]): unknown => nodes.map((n) => (n.children.length ? { [n.item.name]: names(n.children) } : n.item.name));

describe('buildAgencyTree', () => {
  it('ORG-1: nests agencies under their parents', () => {
    const list: A[] = [
      { id: 'sx', parentId: null, name: '山西省生态环境厅' },
      { id: 'ty', parentId: 'sx', name: '太原市生态环境局' },
      { id: 'xd', parentId: 'ty', name: '小店分局' },
      { id: 'gs', parentId: null, name: '甘肃省生态环境厅' },
      { id: 'lz', parentId: 'gs', name: '兰州市生态环境局' },
    ];
    expect(names(buildAgencyTree(list))).toEqual([
      { 山西省生态环境厅: [{ 太原市生态环境局: ['小店分局'] }] },
      { 甘肃省生态环境厅: ['兰州市生态环境局'] },
    ]);
  });

  it('makes a root of every agency whose parent is not in the list (the visible part of the tree)', () => {
    // A branch administrator sees the branch, but the list may start below the root.
    const list: A[] = [
      { id: 'xd', parentId: 'ty', name: '小店分局' },
      { id: 'x1', parentId: 'xd', name: '某所' },
      { id: 'other', parentId: 'missing', name: '另一分局' },
    ];
    const tree = buildAgencyTree(list);
    expect(tree.map((n) => n.key)).toEqual(['xd', 'other']);
    expect(tree[0]!.children.map((n) => n.key)).toEqual(['x1']);
  });

  it('keeps children in the order of sortOrder, then of the list, whatever order parents and children come in', () => {
    const list: A[] = [
      { id: 'c2', parentId: 'p', name: 'B', sortOrder: 2 },
      { id: 'c1', parentId: 'p', name: 'A', sortOrder: 1 },
      { id: 'c3', parentId: 'p', name: 'C', sortOrder: 2 },
      { id: 'p', parentId: null, name: 'P' },
    ];
    const tree = buildAgencyTree(list);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((n) => n.key)).toEqual(['c1', 'c2', 'c3']);
    expect(allKeys(tree)).toEqual(['p', 'c1', 'c2', 'c3']);
  });

  it('does not loop on bad data (a cycle or a self-parent)', () => {
    const list: A[] = [
      { id: 'a', parentId: 'b', name: 'A' },
      { id: 'b', parentId: 'a', name: 'B' },
      { id: 's', parentId: 's', name: 'S' },
    ];
    const tree = buildAgencyTree(list);
    expect(allKeys(tree).sort()).toEqual(['a', 'b', 's']);
  });

  it('returns an empty forest for an empty list', () => {
    expect(buildAgencyTree([])).toEqual([]);
  });
});
