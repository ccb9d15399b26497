import { Alert, App, Button, Form, type FormInstance, Input, Space, Switch, Tag, Typography } from 'antd';
import { ListTable } from '../../components/ListTable';
import type { DrawView, WitnessRepeat, WitnessView } from '@shared/domain/draws';
import { api } from '../../api';
import { filledRule } from '../../components/filledRule';
import { useAction } from '../../components/useAction';
import { dateTimeText } from '../../components/dateTime';
import { ErrorAlert } from '../../components/ErrorAlert';

interface WitnessForm {
  name: string;
  role?: string;
  value: string;
  isPublic: boolean;
}

/**
 * 见证: the witnesses' values, entered one after another as each one says it (the projector shows each as it comes);
 * optionally one public value published after the commitment (e.g. a lottery result).
 */
export function WitnessPanel({ draw, onAdded, disabled }: { draw: DrawView; onAdded: () => void; disabled: boolean }) {
  const [form] = Form.useForm<WitnessForm>();
  const { run, busy: saving, error } = useAction();
  const open = draw.state === 'committed';
  const hasPublic = draw.witnesses.some((w) => w.kind === 'public');

  const { modal } = App.useApp();

  async function save(values: WitnessForm) {
    await run(async () => {
      await api()['draws:witness']({
        drawId: draw.id,
        name: values.name,
        role: values.role?.trim() || undefined,
        value: values.value,
        kind: values.isPublic ? 'public' : 'witness',
      });
      form.resetFields();
      onAdded();
    });
  }

  // The value is read back in large type and confirmed before it counts; a repeat of an earlier one is warned about.
  async function confirmThenSave(values: WitnessForm) {
    const repeats = await run(() => api()['draws:witness-repeats']({ name: values.name, value: values.value }));
    if (repeats === undefined) return;
    modal.confirm({
      title: '请见证人核对见证值',
      width: 560,
      content: <WitnessReadback values={values} repeats={repeats} />,
      okText: '核对无误，录入',
      cancelText: '返回修改',
      onOk: () => save(values),
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <WitnessList witnesses={draw.witnesses} />
      {open && (
        <WitnessEntryForm
          form={form}
          hasPublic={hasPublic}
          disabled={disabled}
          saving={saving}
          onFinish={confirmThenSave}
        />
      )}
      {error && <ErrorAlert title="未能录入" error={error} testId="witness-error" />}
      {draw.witnesses.length > 0 && (
        <Typography.Text type="secondary" data-testid="witness-final">
          见证值一经录入不能修改或删除：看到已录入的输入后再改动，操作人员就能挑选抽取结果。录错时只能作废本次抽取，重新准备。
        </Typography.Text>
      )}
    </Space>
  );
}

function WitnessList({ witnesses }: { witnesses: WitnessView[] }) {
  return (
    <ListTable<WitnessView>
      rowKey="ordinal"
      dataSource={witnesses}
      locale={{ emptyText: '尚未录入见证值' }}
      data-testid="witness-list"
      columns={[
        { title: '顺序', dataIndex: 'ordinal', width: 60 },
        {
          title: '见证人 / 来源',
          dataIndex: 'name',
          render: (name: string, w) =>
            w.kind === 'public' ? (
              <Space>
                {name}
                <Tag color="blue">公开值</Tag>
              </Space>
            ) : (
              name
            ),
        },
        { title: '身份', dataIndex: 'role' },
        { title: '见证值', dataIndex: 'value', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        {
          title: '录入时间',
          dataIndex: 'enteredAt',
          width: 170,
          render: (iso: string) => dateTimeText(iso),
        },
      ]}
    />
  );
}

/** The value as the witness will hear it read back, and any earlier entry of it by the same witness. */
function WitnessReadback({ values, repeats }: { values: WitnessForm; repeats: WitnessRepeat[] }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="witness-readback">
      <Typography.Text>
        {values.isPublic ? '公开值来源' : '见证人'}：{values.name}
        {values.role?.trim() ? `（${values.role.trim()}）` : ''}
      </Typography.Text>
      <Typography.Text code style={{ fontSize: 40, wordBreak: 'break-all' }} data-testid="witness-readback-value">
        {values.value.trim()}
      </Typography.Text>
      {repeats.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="同一见证人以前报过同样的见证值"
          description={`${repeats
            .map((r) => `${r.taskNumber} 第 ${r.attempt} 次抽取的第 ${r.ordinal} 个见证值`)
            .join('、')}。见证值应当是现场临时报出的，重复的值可能被事先知道。请见证人确认是否仍用此值。`}
          data-testid="witness-repeat"
        />
      )}
    </Space>
  );
}

/** One witness value (or the one public value), entered as it is said. */
function WitnessEntryForm({
  form,
  hasPublic,
  disabled,
  saving,
  onFinish,
}: {
  form: FormInstance<WitnessForm>;
  hasPublic: boolean;
  disabled: boolean;
  saving: boolean;
  onFinish: (values: WitnessForm) => void;
}) {
  const isPublic = Form.useWatch('isPublic', form);
  return (
    <Form<WitnessForm>
      form={form}
      layout="inline"
      onFinish={onFinish}
      initialValues={{ isPublic: false }}
      disabled={disabled}
      data-testid="witness-form"
    >
      <Form.Item
        name="isPublic"
        valuePropName="checked"
        tooltip="公开值：承诺之后才公布的数值，例如某期福利彩票开奖号码；只能录入一个。"
      >
        <Switch
          checkedChildren="公开值"
          unCheckedChildren="见证人"
          disabled={hasPublic || disabled}
          data-testid="witness-kind"
        />
      </Form.Item>
      <Form.Item
        name="name"
        rules={[filledRule(isPublic ? '请填写公开值来源' : '请填写见证人姓名')]}
        tooltip={isPublic ? '例如“福利彩票第2026135期开奖号码”' : '现场见证人的姓名，将印在记录表上'}
      >
        <Input
          placeholder={isPublic ? '公开值来源' : '见证人姓名'}
          style={{ width: isPublic ? 260 : 140 }}
          data-testid="witness-name"
        />
      </Form.Item>
      {!isPublic && (
        <Form.Item name="role" tooltip="例如 县人大代表、县政协委员、媒体记者">
          <Input placeholder="身份（可不填）" style={{ width: 180 }} data-testid="witness-role" />
        </Form.Item>
      )}
      <Form.Item
        name="value"
        rules={[filledRule('请填写见证值')]}
        tooltip="见证人报出的任意数字或文字，原样录入，不要改动"
      >
        <Input placeholder="见证值（任意数字或文字）" style={{ width: 220 }} data-testid="witness-value" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="witness-add">
          录入
        </Button>
      </Form.Item>
    </Form>
  );
}
