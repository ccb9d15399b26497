import { useState } from 'react';
import { Alert, App, Button, Divider, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { BUREAU_OFFICE_KINDS, type BureauOffice, type BureauOfficeKind } from '@shared/domain/settings';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { useApiCall } from '../../components/useApiCall';
import { formatCount } from '@shared/domain/counts';
import { filledRule } from '../../components/filledRule';
import { ErrorAlert } from '../../components/ErrorAlert';

const KIND_LABELS: Record<BureauOfficeKind, string> = { 局机关: '局机关科室', 市场监管所: '市场监管所' };

/**
 * 本局科室和所: the offices the task editor offers as 牵头部门 and inspector scope, and the draw counts as the bureau's.
 * An office the rosters name is added by their import too; one still named there cannot be removed.
 */
export function OfficesSection() {
  const { message } = App.useApp();
  const { data, error, reload } = useApiCall(() => api()['settings:offices']({}));
  const [form] = Form.useForm<{ name: string; kind: BureauOfficeKind }>();
  const { run, busy, error: actionError } = useAction();
  const [removing, setRemoving] = useState<string>();

  async function add(values: { name: string; kind: BureauOfficeKind }) {
    if (!(await run(() => api()['settings:office-add'](values)))) return;
    message.success(`已添加「${values.name.trim()}」。`);
    form.resetFields(['name']);
    reload();
  }

  async function remove(name: string) {
    setRemoving(name);
    const done = await run(() => api()['settings:office-remove']({ name }));
    setRemoving(undefined);
    if (done) reload();
  }

  return (
    <div data-testid="offices-section" style={{ maxWidth: 760 }}>
      <Divider titlePlacement="start">本局科室和市场监管所</Divider>
      <Typography.Paragraph type="secondary">
        编制抽查任务时从这里选择牵头科室和参加抽取的市场监管所。导入名录时遇到的新单位也会加入；仍有检查对象或执法检查人员记在其下的单位不能删除。
      </Typography.Paragraph>
      <ErrorAlert title="无法读取科室和所" error={error} />
      {actionError && (
        <Alert type="error" showIcon title={actionError} style={{ marginBottom: 12 }} data-testid="office-error" />
      )}
      <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: '局机关' }} style={{ marginBottom: 12 }}>
        <Form.Item name="kind">
          <Select
            style={{ width: 140 }}
            options={BUREAU_OFFICE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            data-testid="office-kind"
          />
        </Form.Item>
        <Form.Item name="name" rules={[filledRule('请填写科室或所的名称')]}>
          <Input placeholder="如：食品经营监管科、城关市场监管所" style={{ width: 300 }} data-testid="office-name" />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy && !removing} data-testid="office-add">
          添加
        </Button>
      </Form>
      <Table<BureauOffice>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={data ?? []}
        locale={{ emptyText: '还没有科室和所：请逐一添加，或导入执法检查人员名录。' }}
        scroll={{ y: 320 }}
        columns={[
          { title: '类别', dataIndex: 'kind', width: 130, render: (k: BureauOfficeKind) => KIND_LABELS[k] },
          { title: '名称', dataIndex: 'name' },
          {
            title: '名录中记在其下',
            dataIndex: 'used',
            width: 150,
            render: (n: number) => `${formatCount(n)} 条`,
          },
          {
            title: '操作',
            width: 80,
            render: (_: unknown, o) => (
              <Popconfirm title={`删除「${o.name}」？`} onConfirm={() => remove(o.name)} disabled={o.used > 0}>
                <Button type="link" size="small" disabled={o.used > 0} loading={removing === o.name}>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
