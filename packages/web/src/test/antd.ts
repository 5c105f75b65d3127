/** Driving antd widgets in happy-dom: selects, date pickers, pop-confirms. */
import { fireEvent, screen, waitFor } from '@testing-library/react';

/** The dropdown of a Select, found through its input's aria-controls (closed dropdowns stay in the document). */
function dropdownOf(input: HTMLElement): Element | null {
  const list = input.getAttribute('aria-controls');
  const listbox = list ? document.getElementById(list) : null;
  return listbox?.closest('.ant-select-dropdown') ?? null;
}

/** The option elements of a Select's dropdown (open it first). */
export function optionsOf(select: HTMLElement): Element[] {
  return [...(dropdownOf(select)?.querySelectorAll('.ant-select-item-option') ?? [])];
}

/** The option texts of a Select's dropdown. */
export function optionTexts(select: HTMLElement): string[] {
  return optionsOf(select).map((e) => e.textContent ?? '');
}

/** Opens a Select (found by its label or given) and clicks the option whose text starts with `option`. */
export async function chooseOption(select: string | HTMLElement, option: string): Promise<void> {
  const el = typeof select === 'string' ? screen.getByLabelText(select) : select;
  fireEvent.mouseDown(el);
  const item = await waitFor(() => {
    const o = optionsOf(el).find((e) => e.textContent?.startsWith(option) && !e.classList.contains('ant-select-item-option-disabled'));
    if (!o) {
      // Not open yet (e.g. the select was still disabled): open it again.
      const dropdown = dropdownOf(el);
      if (!dropdown || dropdown.classList.contains('ant-select-dropdown-hidden')) fireEvent.mouseDown(el);
      throw new Error(`no option ${option}`);
    }
    return o;
  });
  fireEvent.click(item);
}

/** Types a date into an antd DatePicker. */
export function pickDate(input: HTMLElement, date: string): void {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

/** Clicks the confirming button of the open Popconfirm (antd puts a space between two characters). */
export async function confirmPopconfirm(label: RegExp): Promise<void> {
  const button = await waitFor(() => {
    const b = [...document.querySelectorAll('.ant-popconfirm button')].find((x) => label.test(x.textContent ?? ''));
    if (!b) throw new Error('no confirm yet');
    return b;
  });
  fireEvent.click(button);
}

/** The error text shown under the form item that holds `el`. */
export const explain = (el: Element) => el.closest('.ant-form-item')?.querySelector('.ant-form-item-explain-error')?.textContent;
