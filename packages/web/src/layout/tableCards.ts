/**
 * Tables as cards on phones (issue 15): every antd table inside the element
 * gets each cell labelled with its column title (`data-label`), which the
 * phone style sheet shows before the value while the header row is hidden.
 * One place for all pages, so a new page's tables fold without extra code.
 */
import { useEffect, type RefObject } from 'react';

export function labelTableCells(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll('.ant-table'))) {
    const heads = Array.from(table.querySelectorAll('.ant-table-thead > tr:last-child > th')).map((th) => th.textContent?.trim() ?? '');
    if (!heads.length) continue;
    for (const row of Array.from(table.querySelectorAll('.ant-table-tbody > tr'))) {
      Array.from(row.children).forEach((td, i) => {
        const label = heads[i];
        if (label && td.getAttribute('data-label') !== label) td.setAttribute('data-label', label);
      });
    }
  }
}

export function useTableCardLabels(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    let pending = 0;
    const run = () => {
      pending = 0;
      labelTableCells(el);
    };
    run();
    const observer = new MutationObserver(() => {
      if (!pending) pending = window.setTimeout(run, 50);
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      if (pending) window.clearTimeout(pending);
    };
  }, [ref, enabled]);
}
