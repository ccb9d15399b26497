import { useEffect, useState } from 'react';
import { App } from 'antd';
import type { ItemDetail } from '@shared/domain/roster-views';
import { subItemDraft } from '@shared/ipc/schemas';
import { api } from '../../api';
import { useAction } from '../../components/useAction';

export interface Draft {
  key: string;
  /** The stored sub-item this row keeps (its results stay attached); none for a new row. */
  id?: number;
  content: string;
  basis: string;
  method: string;
}

let nextKey = 0;
const newKey = () => `n${++nextKey}`;
const fromItem = (item: ItemDetail): Draft[] =>
  item.subItems.map((s) => ({ key: `s${s.id}`, id: s.id, content: s.content, basis: s.basis, method: s.method }));

/** The channel's own message for a sub-item's content, or undefined when it is acceptable. */
export const contentError = (d: Draft) => {
  const r = subItemDraft.shape.content.safeParse(d.content);
  return r.success ? undefined : r.error.issues[0]?.message;
};

/** The split in progress: which row, and its text one part per line. */
export type Splitting = { index: number; text: string } | null;

/** The sub-items being edited (reset whenever another item is shown), their edits, split and save. */
export function useSubItemDrafts(item: ItemDetail, onSaved: (item: ItemDetail) => void) {
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Draft[]>(() => fromItem(item));
  const [splitting, setSplitting] = useState<Splitting>(null);
  const { run, busy: saving, error, setError } = useAction();
  useEffect(() => {
    setDrafts(fromItem(item));
    setError(undefined);
  }, [item, setError]);

  const dirty =
    JSON.stringify(drafts.map(({ key: _k, ...d }) => d)) !==
    JSON.stringify(fromItem(item).map(({ key: _k, ...d }) => d));
  const edits = {
    update: (index: number, patch: Partial<Draft>) =>
      setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d))),
    move: (index: number, by: -1 | 1) =>
      setDrafts((list) => {
        const next = [...list];
        [next[index], next[index + by]] = [next[index + by], next[index]];
        return next;
      }),
    remove: (index: number) => setDrafts((list) => list.filter((_, j) => j !== index)),
    add: () => setDrafts((list) => [...list, { key: newKey(), content: '', basis: item.basis, method: item.method }]),
    reset: () => setDrafts(fromItem(item)),
  };

  function applySplit() {
    if (!splitting) return;
    const parts = splitting.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (parts.length < 2) {
      message.warning('请把内容分成至少两行，每行一个检查子项');
      return;
    }
    setDrafts((list) => {
      const original = list[splitting.index];
      const pieces = parts.map((content, i) => ({
        ...original,
        key: i === 0 ? original.key : newKey(),
        id: i === 0 ? original.id : undefined,
        content,
      }));
      return [...list.slice(0, splitting.index), ...pieces, ...list.slice(splitting.index + 1)];
    });
    setSplitting(null);
  }

  async function save() {
    const subItems = drafts.map((d) => ({
      ...(d.id !== undefined ? { id: d.id } : {}),
      content: d.content,
      basis: d.basis,
      method: d.method,
    }));
    const saved = await run(() => api()['items:update-sub-items']({ itemId: item.id, subItems }));
    if (!saved) return;
    message.success(`检查子项已保存（共 ${saved.subItems.length} 项）`);
    onSaved(saved);
  }

  const invalid = drafts.some((d) => contentError(d));
  return { drafts, dirty, invalid, saving, error, splitting, setSplitting, applySplit, save, ...edits };
}

export type SubItemDrafts = ReturnType<typeof useSubItemDrafts>;
