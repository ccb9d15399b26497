import { AutoComplete, Button, Drawer, Form, Input, Select } from 'antd';
import type { ItemDetail } from '@shared/domain/roster-views';
import { ITEM_FIELD_LABELS as L, ITEM_LEVELS } from '@shared/domain/rosters';
import type { Req } from '@shared/ipc/contract';
import { itemNew } from '@shared/ipc/schemas';
import { api } from '../../api';
import { DrawerFooter } from '../../components/DrawerFooter';
import { ErrorAlert } from '../../components/ErrorAlert';
import { refusalAtField, refusalCode } from '../../components/refusalAtField';
import { useAction } from '../../components/useAction';
import { zodRule } from '../../components/zodRule';

type NewItem = Req<'items:create'>;
type FieldName = keyof typeof itemNew.shape;

/** The form's fields in the list's column order; long texts as text areas. */
const FIELDS: { name: FieldName; long?: boolean; placeholder?: string }[] = [
  { name: 'compiler', placeholder: '如：县市场监管局' },
  { name: 'seqNo' },
  { name: 'category', placeholder: '如：食品安全（可留空）' },
  { name: 'checkType', placeholder: '如：食品经营许可事项检查' },
  { name: 'name', long: true },
  { name: 'targets', long: true },
  { name: 'level' },
  { name: 'method', placeholder: '如：现场检查、书面检查' },
  { name: 'authority' },
  { name: 'basis', long: true },
  { name: 'remarks', long: true },
];

function fieldInput(name: FieldName, compilers: string[], long?: boolean, placeholder?: string) {
  if (name === 'level') return <Select options={ITEM_LEVELS.map((l) => ({ value: l, label: `${l}检查事项` }))} />;
  if (name === 'compiler')
    return (
      <AutoComplete
        options={compilers.map((c) => ({ value: c }))}
        placeholder={placeholder}
        filterOption={(input, o) => String(o?.value ?? '').includes(input)}
      />
    );
  if (long) return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={placeholder} />;
  return <Input placeholder={placeholder} />;
}

/**
 * 新增事项: one item typed by hand, checked by the channel's own schema as the clerk types. It gets one check sub-item
 * (its name), as an imported item without 检查内容 does; the clerk splits it in the item's detail.
 */
export function ItemCreateDrawer({
  open,
  compilers,
  onClose,
  onCreated,
}: {
  open: boolean;
  compilers: string[];
  onClose: () => void;
  onCreated: (item: ItemDetail) => void;
}) {
  const [form] = Form.useForm<NewItem>();
  const { run, busy, error } = useAction();

  const atName = (e: unknown): never => {
    if (refusalCode(e) === 'items.duplicate') refusalAtField(form, e, 'name');
    throw e;
  };

  async function save(values: NewItem) {
    const created = await run(() => api()['items:create'](values).catch(atName));
    if (created) onCreated(created);
  }

  return (
    <Drawer
      open={open}
      title="新增检查事项"
      size={560}
      onClose={onClose}
      destroyOnHidden
      data-testid="item-create"
      footer={
        <DrawerFooter
          error={<ErrorAlert title="未能保存" error={error} testId="item-create-error" />}
          onClose={onClose}
        >
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="item-create-save">
            保存
          </Button>
        </DrawerFooter>
      }
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ level: '一般' }} scrollToFirstError>
        {FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={L[f.name]}
            rules={[zodRule(itemNew.shape[f.name], (v) => v ?? '')]}
          >
            {fieldInput(f.name, compilers, f.long, f.placeholder)}
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
