import type { FormInstance } from 'antd';
import { App } from 'antd';
import type { Req } from '@shared/ipc/contract';
import { api } from '../../../api';
import { refusalAtField } from '../../../components/refusalAtField';
import { useAction } from '../../../components/useAction';
import type { EditField, RosterConfig, RosterRow } from './types';

type Values = Record<string, unknown>;
/** What the drawer works on: a stored record, a new one, or nothing (closed). */
export type RecordTarget<R> = R | 'new' | null;

/** The form's value as the record holds it: trimmed text, '' → null for nullable fields. */
export function toRecordValue(field: EditField, value: unknown): unknown {
  if (field.input === 'tags') return (value as string[] | undefined) ?? [];
  const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : value;
  return field.nullable && text === '' ? null : text;
}

/** A new record's form: empty, tags none, each required choice on its first option (企业, 存续, 在岗, 在库). */
export function blankValues(fields: readonly EditField[]): Values {
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      f.input === 'tags' ? [] : f.input === 'select' && !f.nullable ? (f.options?.[0] ?? '') : '',
    ]),
  );
}

/** A refusal naming a field (a code another record uses, a check digit) is shown at that field too. */
function atField(form: FormInstance<Values>) {
  return (e: unknown): never => {
    refusalAtField(form, e);
    throw e;
  };
}

/**
 * Save (roster:create for a new record; roster:update with only the changed fields) and delete (roster:delete),
 * each refusal kept in `error` for the drawer's footer.
 */
export function useRecordSave<R extends RosterRow>(
  config: RosterConfig<R>,
  target: RecordTarget<R>,
  form: FormInstance<Values>,
  onSaved: () => void,
) {
  const { message } = App.useApp();
  const { run, busy, error, setError } = useAction();

  async function create(values: Values) {
    const record = Object.fromEntries(config.editFields.map((f) => [f.name, toRecordValue(f, values[f.name])]));
    const request = { roster: config.roster, values: record } as Req<'roster:create'>;
    const created = await run(() => api()['roster:create'](request).catch(atField(form)));
    if (!created) return;
    message.success(`已新增“${config.titleOf(created as R)}”`);
    onSaved();
  }

  async function update(row: R, values: Values) {
    const record = row as unknown as Values;
    const patch: Values = {};
    for (const f of config.editFields) {
      const next = toRecordValue(f, values[f.name]);
      if (JSON.stringify(next) !== JSON.stringify(record[f.name] ?? (f.input === 'tags' ? [] : null)))
        patch[f.name] = next;
    }
    if (Object.keys(patch).length === 0) {
      message.info('没有修改任何内容');
      onSaved();
      return;
    }
    const request = { roster: config.roster, id: row.id, patch } as Req<'roster:update'>;
    const saved = await run(() => api()['roster:update'](request).catch(atField(form)));
    if (!saved) return;
    message.success(`已保存“${config.titleOf(saved as R)}”`);
    onSaved();
  }

  async function remove() {
    if (target === null || target === 'new') return;
    const done = await run(() => api()['roster:delete']({ roster: config.roster, id: target.id }));
    if (!done) return;
    message.success(`已删除“${config.titleOf(target)}”`);
    onSaved();
  }

  const save = (values: Values) =>
    target === 'new' ? create(values) : target === null ? Promise.resolve() : update(target, values);
  return { save, remove, busy, error, setError };
}
