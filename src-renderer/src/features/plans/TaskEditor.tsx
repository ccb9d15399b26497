import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { PlanView } from '@shared/domain/plans';
import {
  ENTITY_TYPE_CHOICES,
  formatTaskNumber,
  GRADE_KEYS,
  gradeLabel,
  INSPECTOR_SCOPE_KINDS,
  TASK_FIELD_HELP as HELP,
  type TaskView,
} from '@shared/domain/tasks';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { ItemSelect } from './ItemSelect';
import { ScopePreviewPanel } from './ScopePreviewPanel';
import { formValuesOf, scopeRequestOf, taskInputOf, type TaskFormValues } from './taskForm';
import type { TaskOptions } from './useTaskOptions';

const SCOPE_KIND_TEXT: Record<(typeof INSPECTOR_SCOPE_KINDS)[number], string> = {
  全局: '全局内随机',
  局机关与所: '局机关与市场监管所随机',
  若干所: '若干所内随机',
  单一所: '单一所内随机',
};

const list = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** The scope's list filters: which roster values each offers and what choosing them does. */
const scopeLists = (options: TaskOptions) =>
  [
    {
      field: 'industries',
      label: '行业(业态)',
      values: options.industries,
      extra: '只抽取所选行业的对象,例如检查食品经营者选“餐饮服务”“食品销售”。',
    },
    { field: 'areas', label: '所属片区', values: options.areas, extra: '只抽取所选片区内的对象。' },
    { field: 'offices', label: '管辖单位', values: options.stations, extra: '只抽取由所选市场监管所监管的对象。' },
    {
      field: 'tags',
      label: '对象标签',
      values: options.entityTags,
      extra: '只抽取带有任一所选标签的对象(例如“学校周边”“冷链”)。',
    },
  ] as const;

/**
 * 抽查任务 editor: every control says what it does in plain Chinese (TASK_FIELD_HELP, shared with the services' messages),
 * and the panel beside the form shows live how many entities are in scope and what each grade will draw.
 * On a published plan the change is published at once as the plan's next version, so a reason is required.
 */
export function TaskEditor({
  open,
  plan,
  task,
  options,
  onClose,
  onSaved,
}: {
  open: boolean;
  plan: PlanView;
  task: TaskView | null;
  options: TaskOptions;
  onClose: () => void;
  onSaved: (task: TaskView) => void;
}) {
  const [form] = Form.useForm<TaskFormValues>();
  const { run, busy: saving, error, setError } = useAction();
  const initial = useMemo(() => formValuesOf(task, options.settings, plan.year), [task, options.settings, plan.year]);
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
      setError(undefined);
    }
  }, [open, initial, form]);

  const ratioMode = Form.useWatch('ratioMode', form);
  const scopeKind = Form.useWatch('inspectorScopeKind', form);
  const includeExperts = Form.useWatch('includeExperts', form);
  const leadDepartment = Form.useWatch('leadDepartment', form);
  const period = Form.useWatch('period', form);
  const ended = period?.[1] && period[1].isBefore(dayjs(), 'day');
  const previewRequest = Form.useWatch((values: TaskFormValues) => scopeRequestOf(values), form);

  const published = plan.version > 0;
  const locked = task !== null && ['已承诺', '已揭晓', '已封存'].includes(task.drawStatus);
  const departments = [options.settings.bureauName, ...options.bureauDepartments, ...options.otherAgencies];
  const scopeOffices = scopeKind === '局机关与所' ? options.bureauDepartments : options.stations;

  async function save() {
    setError(undefined);
    let values: TaskFormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError('请先改正标红的内容。');
      return;
    }
    await run(async () =>
      onSaved(await api()['tasks:save'](taskInputOf({ ...initial, ...values }, plan.id, task?.id))),
    );
  }

  return (
    <Drawer
      open={open}
      size={1240}
      title={task ? `编辑抽查任务 ${task.number}` : `新增抽查任务(${plan.year} 年)`}
      onClose={onClose}
      destroyOnHidden
      data-testid="task-editor"
      footer={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="task-error" />}
          <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={saving} disabled={locked} onClick={save} data-testid="task-save">
              {published ? '保存并发布新版本' : '保存'}
            </Button>
          </Space>
        </Space>
      }
    >
      <Row gutter={24}>
        <Col span={15}>
          {locked && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="该任务的抽取已经承诺,抽取条件已经公开,不能再修改。"
              description="如确需修改,请先在“随机抽取”页作废该次抽取并写明理由。"
            />
          )}
          {published && !locked && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`本计划已公示(第 ${plan.version} 版)。保存后将立即发布第 ${plan.version + 1} 版,旧版本仍可查阅。`}
            />
          )}
          <Form<TaskFormValues> form={form} layout="vertical" initialValues={initial} disabled={locked}>
            <Divider titlePlacement="start">基本信息</Divider>
            <Form.Item
              label="任务名称"
              name="name"
              extra={HELP.name}
              rules={[{ required: true, whitespace: true, message: '任务名称不能为空' }]}
            >
              <Input maxLength={100} placeholder="例如:2026年食品经营者双随机抽查" data-testid="task-name" />
            </Form.Item>
            <Form.Item label="任务编号" extra={HELP.number}>
              <Typography.Text strong data-testid="task-number">
                {task
                  ? task.number
                  : `${formatTaskNumber(options.settings.bureauShortName, plan.year, 0).replace('0号', 'N号')}(保存后生成)`}
              </Typography.Text>
            </Form.Item>
            <Form.Item
              label="检查事项"
              name="itemIds"
              extra={HELP.itemIds}
              rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个检查事项' }]}
            >
              <ItemSelect initial={task?.items ?? []} />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item
                  label="牵头部门"
                  name="leadDepartment"
                  extra={HELP.leadDepartment}
                  rules={[{ required: true, message: '请选择牵头部门' }]}
                >
                  <Select showSearch options={list(departments)} data-testid="task-lead" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="联合部门(联合抽查)" name="joiningDepartments" extra={HELP.joiningDepartments}>
                  <Select
                    mode="multiple"
                    allowClear
                    options={list(departments.filter((d) => d !== leadDepartment))}
                    placeholder="不选表示本部门单独抽查"
                    data-testid="task-joining"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col span={14}>
                <Form.Item
                  label="计划开展时间"
                  name="period"
                  extra={`${HELP.startDate}${HELP.endDate}`}
                  rules={[{ required: true, message: '请填写开展时间' }]}
                >
                  <DatePicker.RangePicker style={{ width: '100%' }} className="task-period" />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item
                  label="抽查频次"
                  name="frequency"
                  extra={HELP.frequency}
                  rules={[{ required: true, whitespace: true, message: '请填写抽查频次' }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </Row>

            {ended && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="task-period-ended"
                title={`开展时间已于 ${period![1].format('YYYY-MM-DD')} 结束:这样的任务不能再抽取。`}
              />
            )}
            <Divider titlePlacement="start">检查对象范围</Divider>
            <Typography.Paragraph type="secondary">{HELP.scope}</Typography.Paragraph>
            <Form.Item
              label="主体类型"
              name={['scope', 'entityTypes']}
              extra="只抽取所选类型的市场主体;不选表示各类主体都在范围内。"
            >
              <Checkbox.Group options={list([...ENTITY_TYPE_CHOICES])} data-testid="scope-entityTypes" />
            </Form.Item>
            <Row gutter={16}>
              {scopeLists(options).map((f) => (
                <Col span={12} key={f.field}>
                  <Form.Item label={f.label} name={['scope', f.field]} extra={f.extra}>
                    <Select
                      mode="multiple"
                      allowClear
                      options={list(f.values)}
                      placeholder="不限"
                      data-testid={`scope-${f.field}`}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item
              label="信用风险等级"
              name={['scope', 'grades']}
              extra="只抽取所选信用等级的对象;“未评级”指尚无信用等级的对象。不选表示各等级都在范围内。"
            >
              <Checkbox.Group
                options={GRADE_KEYS.map((g) => ({ value: g, label: gradeLabel(g) }))}
                data-testid="scope-grades"
              />
            </Form.Item>
            <Form.Item label="排除近几年内已抽查的对象" name="excludeRecentYears" extra={HELP.excludeRecentYears}>
              <InputNumber
                min={0}
                max={10}
                precision={0}
                suffix="年"
                style={{ width: 140 }}
                data-testid="task-exclude-years"
              />
            </Form.Item>

            <Divider titlePlacement="start">抽查比例</Divider>
            <Form.Item label="抽查比例方式" name="ratioMode" extra={HELP.ratio}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'grades', label: '按信用风险等级' },
                  { value: 'uniform', label: '统一比例' },
                  { value: 'fixed', label: '固定户数' },
                ]}
                data-testid="task-ratio-mode"
              />
            </Form.Item>
            {ratioMode === 'grades' && (
              <Space wrap size="middle" data-testid="task-grade-ratios">
                {GRADE_KEYS.map((g) => (
                  <Form.Item
                    key={g}
                    label={`${gradeLabel(g)}比例`}
                    name={['gradePct', g]}
                    rules={[{ required: true, message: '请填写比例' }]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber
                      min={0}
                      max={100}
                      step={0.5}
                      precision={2}
                      suffix="%"
                      style={{ width: 120 }}
                      data-testid={`ratio-${g}`}
                    />
                  </Form.Item>
                ))}
              </Space>
            )}
            {ratioMode === 'grades' && (
              <Typography.Paragraph type="secondary">
                比例填 0 表示该等级不抽取。A级最低(“无事不扰”),D级最高。
              </Typography.Paragraph>
            )}
            {ratioMode === 'uniform' && (
              <Form.Item
                label="抽查比例"
                name="uniformPct"
                extra="范围内每户被抽中的比例;原则上不低于 5%。"
                rules={[{ required: true, type: 'number', min: 0.01, message: '比例不能为 0' }]}
              >
                <InputNumber
                  min={0.01}
                  max={100}
                  step={0.5}
                  precision={2}
                  suffix="%"
                  style={{ width: 140 }}
                  data-testid="ratio-uniform"
                />
              </Form.Item>
            )}
            {ratioMode === 'fixed' && (
              <Form.Item
                label="固定抽取户数"
                name="fixedCount"
                extra="不论范围内有多少户,都抽取这个户数(不能超过范围内户数)。"
                rules={[{ required: true, type: 'number', min: 1, message: '至少抽取 1 户' }]}
              >
                <InputNumber
                  min={1}
                  max={2000000}
                  precision={0}
                  suffix="户"
                  style={{ width: 160 }}
                  data-testid="ratio-fixed"
                />
              </Form.Item>
            )}

            <Divider titlePlacement="start">检查组</Divider>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item
                  label="每组人数"
                  name="teamSize"
                  extra={HELP.teamSize}
                  rules={[{ required: true, type: 'number', min: 2, message: '每组至少 2 名执法人员' }]}
                >
                  <InputNumber
                    min={2}
                    max={10}
                    precision={0}
                    suffix="人"
                    style={{ width: '100%' }}
                    data-testid="task-team-size"
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  label="名单包大小"
                  name="packageSize"
                  extra={HELP.packageSize}
                  rules={[{ required: true, type: 'number', min: 1, message: '名单包至少 1 户' }]}
                >
                  <InputNumber
                    min={1}
                    max={100}
                    precision={0}
                    suffix="户"
                    style={{ width: '100%' }}
                    data-testid="task-package-size"
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  label="每人最多参加"
                  name="maxPackagesPerInspector"
                  extra={HELP.maxPackagesPerInspector}
                  rules={[{ required: true, type: 'number', min: 1, message: '至少 1 个检查组' }]}
                >
                  <InputNumber
                    min={1}
                    max={10000}
                    precision={0}
                    suffix="组"
                    style={{ width: '100%' }}
                    data-testid="task-max-packages"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="组包方式" name="clusterBy" extra={HELP.clusterBy}>
              <Radio.Group
                options={[
                  { value: 'none', label: '不分片区' },
                  { value: 'area', label: '按片区组包' },
                ]}
              />
            </Form.Item>
            <Form.Item label="必备执法资质" name="requiredTags" extra={HELP.requiredTags}>
              <Select
                mode="multiple"
                allowClear
                options={list(options.inspectorTags)}
                placeholder="不要求"
                data-testid="task-required-tags"
              />
            </Form.Item>
            <Form.Item label="执法人员选派范围" name="inspectorScopeKind" extra={HELP.inspectorScope}>
              <Radio.Group
                options={INSPECTOR_SCOPE_KINDS.map((k) => ({ value: k, label: SCOPE_KIND_TEXT[k] }))}
                data-testid="task-inspector-scope"
              />
            </Form.Item>
            {scopeKind && scopeKind !== '全局' && (
              <Form.Item
                label={
                  scopeKind === '局机关与所'
                    ? '参加的局机关科室'
                    : scopeKind === '单一所'
                      ? '选派人员的市场监管所'
                      : '选派人员的市场监管所(至少 2 个)'
                }
                name="inspectorOffices"
                extra={
                  scopeKind === '局机关与所'
                    ? '所选科室的人员与各市场监管所的人员一起随机选派;不选表示局机关各科室都参加。'
                    : scopeKind === '单一所'
                      ? '只从这一个所的在岗人员中随机选派。'
                      : '只从所选各所的在岗人员中随机选派。'
                }
                rules={
                  scopeKind === '局机关与所'
                    ? []
                    : [
                        {
                          required: true,
                          type: 'array',
                          min: scopeKind === '单一所' ? 1 : 2,
                          message: scopeKind === '单一所' ? '请选择 1 个市场监管所' : '请至少选择 2 个市场监管所',
                        },
                      ]
                }
              >
                <Select
                  mode="multiple"
                  allowClear
                  maxCount={scopeKind === '单一所' ? 1 : undefined}
                  options={list(scopeOffices)}
                  data-testid="task-inspector-offices"
                />
              </Form.Item>
            )}
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item label="本单位回避" name="avoidOwnOffice" valuePropName="checked" extra={HELP.avoidOwnOffice}>
                  <Switch checkedChildren="回避" unCheckedChildren="不回避" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  label="组员来自不同单位"
                  name="distinctOffices"
                  valuePropName="checked"
                  extra={HELP.distinctOffices}
                >
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  label="同时选派专家"
                  name="includeExperts"
                  valuePropName="checked"
                  extra={HELP.includeExperts}
                >
                  <Switch checkedChildren="含专家" unCheckedChildren="不含" />
                </Form.Item>
              </Col>
            </Row>
            {includeExperts && (
              <Form.Item
                label="专家领域"
                name="expertTags"
                extra="只选派具有所选领域标签的专家;不选表示专家库中在库专家都可选派。"
              >
                <Select mode="multiple" allowClear options={list(options.expertTags)} placeholder="不限" />
              </Form.Item>
            )}
            <Form.Item label="回避关系" extra={HELP.conflicts}>
              <Form.List name="conflicts">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item
                          name={[field.name, 'inspector']}
                          rules={[{ required: true, message: '请填写执法证号' }]}
                          style={{ marginBottom: 0 }}
                        >
                          <Input placeholder="执法证号" style={{ width: 150 }} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'entity']}
                          rules={[{ required: true, message: '请填写统一社会信用代码' }]}
                          style={{ marginBottom: 0 }}
                        >
                          <Input placeholder="检查对象统一社会信用代码" style={{ width: 230 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'reason']} style={{ marginBottom: 0 }}>
                          <Input placeholder="回避理由(如亲属关系)" style={{ width: 200 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除回避关系" />
                      </Space>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ inspector: '', entity: '', reason: '' })}
                    >
                      添加回避关系
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>

            {published && (
              <>
                <Divider titlePlacement="start">修改理由</Divider>
                <Form.Item
                  label="修改理由(将随新版本公示)"
                  name="changeReason"
                  extra="已公示的计划每次修改都会发布新版本,理由与新版本一起公示并记入操作日志。"
                  rules={[{ required: true, whitespace: true, message: '请填写修改理由' }]}
                >
                  <Input.TextArea rows={2} maxLength={500} showCount data-testid="task-change-reason" />
                </Form.Item>
              </>
            )}
          </Form>
        </Col>
        <Col span={9}>
          <div style={{ position: 'sticky', top: 0 }}>
            <ScopePreviewPanel request={previewRequest ?? null} />
          </div>
        </Col>
      </Row>
    </Drawer>
  );
}
