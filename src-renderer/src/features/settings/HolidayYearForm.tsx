import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { overlappingDays, rangeProblem, type RangeKind } from '@shared/domain/holiday-ranges';
import type { ScheduleFileView } from '@shared/ipc/channels/calendar';
import { ApiError } from '@shared/ipc/client';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { daysOf, fromRange, rangesOf, type HolidayFormValues, type RangeValue } from './holidayForm';
import { YearPreview } from './YearPreview';

const LISTS: { name: 'holidays' | 'workdays'; kind: RangeKind; label: string; add: string; extra: string }[] = [
  {
    ...{ name: 'holidays', kind: 'holiday', label: '放假日期', add: '添加放假日期段' },
    extra: '按国务院办公厅通知逐段填写，如春节 2月5日至2月11日（含其中的周末）',
  },
  {
    ...{ name: 'workdays', kind: 'workday', label: '调休上班日期', add: '添加调休上班日' },
    extra: '通知中“上班”的周六、周日，一天一段即可',
  },
];

/** One list of ranges; each row is checked against the year as it is typed, with the reason under it. */
function RangeList({ spec, form }: { spec: (typeof LISTS)[number]; form: FormInstance<HolidayFormValues> }) {
  const rowRule = {
    validator: async (_: unknown, v: RangeValue) => {
      if (!v || !v[0] || !v[1]) throw new Error('请选择开始和结束日期，或删除这一行');
      const year = form.getFieldValue('year') as number;
      const reason = rangeProblem(year, spec.kind, {
        start: v[0].format('YYYY-MM-DD'),
        end: v[1].format('YYYY-MM-DD'),
      });
      if (reason) throw new Error(reason);
    },
  };
  const listRule = {
    validator: async (_: unknown, rows: RangeValue[] | undefined) => {
      if (spec.name === 'holidays' && rangesOf(rows).length === 0) throw new Error('请至少填写一段放假日期');
      if (spec.name !== 'workdays') return;
      const both = overlappingDays(rangesOf(form.getFieldValue('holidays')), rangesOf(rows));
      if (both.length > 0) throw new Error(`${both.join('、')}已填为放假，不能又是调休上班日`);
    },
  };
  return (
    <Form.Item label={spec.label} extra={spec.extra} required={spec.name === 'holidays'}>
      <Form.List name={spec.name} rules={[listRule]}>
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" size={4} data-testid={`holiday-${spec.name}`}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item name={field.name} rules={[rowRule]} dependencies={['year']} style={{ marginBottom: 0 }}>
                  <DatePicker.RangePicker
                    style={{ width: 260 }}
                    defaultPickerValue={[
                      dayjs(`${form.getFieldValue('year')}-01-01`),
                      dayjs(`${form.getFieldValue('year')}-01-01`),
                    ]}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={`删除${spec.label}`} />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add(null)}>
              {spec.add}
            </Button>
            <Form.ErrorList errors={errors} />
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Fills the form from a CSV or workbook; the rows it could not read are listed, nothing is saved yet. */
function useFileImport(form: FormInstance<HolidayFormValues>) {
  const [read, setRead] = useState<ScheduleFileView & { fileName: string }>();
  const { run, busy, error } = useAction();
  async function importFile() {
    const got = await run(async () => {
      const choice = await api()['dialog:open-file']({ purpose: 'import' });
      if (!choice) return null;
      return { ...(await api()['calendar:read-file']({ fileToken: choice.token })), fileName: choice.fileName };
    });
    if (!got) return;
    setRead(got);
    form.setFieldsValue({
      ...(got.year !== null ? { year: got.year } : {}),
      holidays: got.holidays.map(fromRange),
      workdays: got.workdays.map(fromRange),
    });
    void form.validateFields().catch(() => undefined);
  }
  return { read, busy, error, importFile };
}

export function HolidayYearForm(props: {
  initial: HolidayFormValues;
  shippedYears: number[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<HolidayFormValues>();
  const values = Form.useWatch([], form) ?? props.initial;
  const file = useFileImport(form);
  const save = useAction();

  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const request = { year: v.year, holidays: rangesOf(v.holidays), workdays: rangesOf(v.workdays) };
    const showAtFields = (e: unknown) => {
      const fields = e instanceof ApiError ? (e.details as { fields?: Record<string, string> })?.fields : undefined;
      if (fields) form.setFields(Object.entries(fields).map(([k, msg]) => fieldError(k, msg)));
      throw e;
    };
    if (await save.run(() => api()['calendar:enter'](request).catch(showAtFields))) props.onSaved();
  }

  const yearRule = {
    validator: async (_: unknown, y: number) => {
      if (props.shippedYears.includes(y)) throw new Error(`${y}年的节假日安排已随程序提供，不能另行录入`);
    },
  };
  return (
    <Card size="small" title="录入年度节假日安排" data-testid="holiday-form">
      {file.error && <Alert type="error" showIcon title={file.error} style={{ marginBottom: 12 }} />}
      {file.read && <FileProblems read={file.read} />}
      {save.error && (
        <Alert type="error" showIcon title={save.error} style={{ marginBottom: 12 }} data-testid="holiday-save-error" />
      )}
      <Form form={form} initialValues={props.initial} labelCol={{ span: 4 }} wrapperCol={{ span: 20 }}>
        <Form.Item label="年度" required>
          <Space>
            <Form.Item name="year" noStyle rules={[{ required: true, message: '请填写年度' }, yearRule]}>
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                suffix="年"
                style={{ width: 120 }}
                data-testid="holiday-year"
              />
            </Form.Item>
            <Button
              icon={<UploadOutlined />}
              loading={file.busy}
              onClick={file.importFile}
              data-testid="holiday-import"
            >
              从文件导入…
            </Button>
          </Space>
        </Form.Item>
        {LISTS.map((spec) => (
          <RangeList key={spec.name} spec={spec} form={form} />
        ))}
        <Form.Item label="预览">
          <YearPreview year={values.year} holidays={daysOf(values.holidays)} workdays={daysOf(values.workdays)} />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 4 }}>
          <Space>
            <Button type="primary" onClick={submit} loading={save.busy} data-testid="holiday-save">
              保存{values.year ? `${values.year}年` : ''}节假日安排
            </Button>
            <Button onClick={props.onCancel}>取消</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

type FieldError = Parameters<FormInstance<HolidayFormValues>['setFields']>[0][number];

/** A refusal's field key (holidays.0, workdays) as the form's field with its message. */
function fieldError(key: string, message: string): FieldError {
  const [list, row] = key.split('.');
  const errors = [message];
  if (list === 'workdays')
    return row === undefined ? { name: ['workdays'], errors } : { name: ['workdays', Number(row)], errors };
  return row === undefined ? { name: ['holidays'], errors } : { name: ['holidays', Number(row)], errors };
}

function FileProblems({ read }: { read: ScheduleFileView & { fileName: string } }) {
  const ok = read.problems.length === 0;
  return (
    <Alert
      type={ok ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 12 }}
      title={
        ok
          ? `已从“${read.fileName}”读入，请核对预览后保存。`
          : `“${read.fileName}”中有 ${read.problems.length} 行未能读入，请在下方补正后再保存：`
      }
      description={
        ok ? undefined : (
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="holiday-file-problems">
            {read.problems.map((p, i) => (
              <li key={i}>{p.row === null ? p.reason : `第 ${p.row} 行：${p.reason}`}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
