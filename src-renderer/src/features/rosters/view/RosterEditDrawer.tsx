import { useEffect } from 'react';
import { Alert, App, AutoComplete, Button, Drawer, Form, Input, Select, Space } from 'antd';
import type { FilterOptions } from '@shared/domain/roster-views';
import type { Req } from '@shared/ipc/contract';
import { api } from '../../../api';
import { useAction } from '../../../components/useAction';
import { zodRule } from '../../../components/zodRule';
import type { EditField, RosterConfig, RosterRow } from './types';

type Values = Record<string, unknown>;

/** The form's value as the record holds it: trimmed text, '' → null for nullable fields. */
function toRecordValue(field: EditField, value: unknown): unknown {
  if (field.input === 'tags') return (value as string[] | undefined) ?? [];
  const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : value;
  return field.nullable && text === '' ? null : text;
}

/**
 * The edit form of one record. Each field is checked by the channel's own schema as the clerk types (the same
 * Chinese messages); what the program still refuses (a code another record uses, a USCC check digit) comes back
 * from roster:update and is shown above the form. Only changed fields are sent.
 */
export function RosterEditDrawer<R extends RosterRow>({
  config,
  row,
  options,
  onClose,
  onSaved,
}: {
  config: RosterConfig<R>;
  row: R | null;
  options: FilterOptions | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, busy: saving, error: serverError, setError: setServerError } = useAction();

  useEffect(() => {
    if (!row) return;
    setServerError(undefined);
    const record = row as unknown as Values;
    form.resetFields();
    form.setFieldsValue(
      Object.fromEntries(config.editFields.map((f) => [f.name, record[f.name] ?? (f.input === 'tags' ? [] : '')])),
    );
  }, [row, form, config.editFields, setServerError]);

  async function save(values: Values) {
    if (!row) return;
    const record = row as unknown as Values;
    const patch: Values = {};
    for (const f of config.editFields) {
      const next = toRecordValue(f, values[f.name]);
      if (JSON.stringify(next) !== JSON.stringify(record[f.name] ?? (f.input === 'tags' ? [] : null)))
        patch[f.name] = next;
    }
    if (Object.keys(patch).length === 0) {
      message.info('没有修改任何内容');
      onClose();
      return;
    }
    const saved = await run(() =>
      api()['roster:update']({ roster: config.roster, id: row.id, patch } as Req<'roster:update'>),
    );
    if (!saved) return;
    message.success(`已保存“${config.titleOf(saved as R)}”`);
    onSaved();
  }

  const offices = options?.offices.map((o) => ({ value: o.name })) ?? [];
  return (
    <Drawer
      open={row !== null}
      title={row ? `编辑${config.noun}:${config.titleOf(row)}` : ''}
      size={560}
      onClose={onClose}
      destroyOnHidden
      data-testid="edit-drawer"
      footer={
        // In the footer, so a refusal is seen however far the form is scrolled.
        <EditFooter error={serverError} saving={saving} onClose={onClose} onSave={() => form.submit()} />
      }
    >
      <Form form={form} layout="vertical" onFinish={save} scrollToFirstError>
        {config.editFields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            rules={[zodRule(f.schema, (v) => toRecordValue(f, v)), ...(f.rules ?? [])]}
          >
            {editInput(f, options, offices)}
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}

function EditFooter({
  error,
  saving,
  onClose,
  onSave,
}: {
  error: string | undefined;
  saving: boolean;
  onClose: () => void;
  onSave: () => void;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="edit-error" />}
      <Space style={{ float: 'right' }}>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={saving} onClick={onSave} data-testid="edit-save">
          保存
        </Button>
      </Space>
    </Space>
  );
}

/** The input of one field (an element, not a component: Form.Item gives its value to its direct child). */
function editInput(f: EditField, options: FilterOptions | undefined, offices: { value: string }[]) {
  if (f.input === 'select')
    return (
      <Select
        allowClear={f.nullable}
        options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
        placeholder={f.placeholder}
      />
    );
  if (f.input === 'tags')
    return (
      <Select
        mode="tags"
        options={(options?.tags ?? []).map((t) => ({ value: t, label: t }))}
        placeholder="可选已有标签，或输入后回车"
      />
    );
  if (f.input === 'office')
    return (
      <AutoComplete
        options={offices}
        placeholder={f.placeholder}
        filterOption={(input, o) => String(o?.value ?? '').includes(input)}
      />
    );
  if (f.input === 'textarea')
    return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={f.placeholder} />;
  return <Input placeholder={f.placeholder} />;
}
