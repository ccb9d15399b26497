import { useEffect } from 'react';
import { AutoComplete, Button, Drawer, Form, Input, Select } from 'antd';
import type { FilterOptions } from '@shared/domain/roster-views';
import { DeleteButton } from '../../../components/DeleteButton';
import { DrawerFooter } from '../../../components/DrawerFooter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { zodRule } from '../../../components/zodRule';
import type { EditField, RosterConfig, RosterRow } from './types';
import { blankValues, toRecordValue, useRecordSave, type RecordTarget } from './useRecordSave';

type Values = Record<string, unknown>;

/**
 * The form of one record, stored or new. Each field is checked by the channel's own schema as the clerk types (the
 * same Chinese messages); what the program still refuses (a code another record uses, a USCC check digit) comes back
 * from the save, shown at its field and above the buttons. An edit sends only changed fields.
 */
export function RosterEditDrawer<R extends RosterRow>({
  config,
  row,
  options,
  onClose,
  onSaved,
}: {
  config: RosterConfig<R>;
  row: RecordTarget<R>;
  options: FilterOptions | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { save, remove, busy, error, setError } = useRecordSave(config, row, form, onSaved);

  useEffect(() => {
    if (row === null) return;
    setError(undefined);
    form.resetFields();
    if (row === 'new') form.setFieldsValue(blankValues(config.editFields));
    else {
      const record = row as unknown as Values;
      form.setFieldsValue(
        Object.fromEntries(config.editFields.map((f) => [f.name, record[f.name] ?? (f.input === 'tags' ? [] : '')])),
      );
    }
  }, [row, form, config.editFields, setError]);

  const offices = options?.offices.map((o) => ({ value: o.name })) ?? [];
  const stored = row !== null && row !== 'new';
  const title = row === null ? '' : row === 'new' ? `新增${config.noun}` : `编辑${config.noun}：${config.titleOf(row)}`;
  return (
    <Drawer
      open={row !== null}
      title={title}
      size={560}
      onClose={onClose}
      destroyOnHidden
      data-testid="edit-drawer"
      footer={
        <DrawerFooter
          error={<ErrorAlert title="未能完成" error={error} testId="edit-error" />}
          start={
            stored && (
              <DeleteButton
                noun="记录"
                rule="只能删除从未被抽取用过的记录"
                busy={busy}
                onConfirm={remove}
                testId="edit-delete"
              />
            )
          }
          onClose={onClose}
        >
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="edit-save">
            保存
          </Button>
        </DrawerFooter>
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
