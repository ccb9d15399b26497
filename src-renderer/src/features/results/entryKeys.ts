/**
 * Keyboard-first entry: Enter moves to the next field (a field is an element marked data-field: a date, a row's
 * result, a row's finding, a group of check boxes), the row keys 1/2/3 choose 符合/不符合/不涉及, and the page's
 * shortcuts (Alt+A 全部符合, Ctrl+Enter 提交, Alt+P/Alt+N 上一户/下一户).
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

/** The first focusable element of a field; within a radio group the chosen one. */
export function focusField(field: Element | null | undefined): boolean {
  if (!field) return false;
  const target =
    field.querySelector<HTMLElement>('input[type="radio"]:checked') ?? field.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
  return target !== null;
}

/** Focuses the field after the one holding `from`, in the order of the page. */
export function focusNextField(root: HTMLElement, from: Element): void {
  const fields = [...root.querySelectorAll('[data-field]')];
  const current = from.closest('[data-field]');
  const at = current ? fields.indexOf(current) : -1;
  for (const field of fields.slice(at + 1)) if (focusField(field)) return;
}

export interface EntryShortcuts {
  allConform(): void;
  submit(): void;
  previous(): void;
  next(): void;
}

function shortcutOf(e: KeyboardEvent): keyof EntryShortcuts | null {
  if (e.altKey && !e.ctrlKey && e.code === 'KeyA') return 'allConform';
  if (e.altKey && !e.ctrlKey && e.code === 'KeyP') return 'previous';
  if (e.altKey && !e.ctrlKey && e.code === 'KeyN') return 'next';
  if (e.ctrlKey && e.key === 'Enter') return 'submit';
  return null;
}

/** The entry form's key handler: the shortcuts anywhere, Enter as "next field" outside text areas and buttons. */
export function entryKeyDown(e: KeyboardEvent<HTMLElement>, shortcuts: EntryShortcuts): void {
  const shortcut = shortcutOf(e);
  if (shortcut) {
    e.preventDefault();
    shortcuts[shortcut]();
    return;
  }
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.shiftKey) return;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  if (target.closest('.ant-select')) return;
  e.preventDefault();
  focusNextField(e.currentTarget, target);
}
