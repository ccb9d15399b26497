import { Col, Divider, Form, Radio, Row, Select, Switch } from 'antd';
import { MAX_PACKAGES_PER_INSPECTOR, PACKAGE_SIZE, teamSizeProblem } from '@shared/domain/number-rules';
import { INSPECTOR_SCOPE_KINDS, type InspectorScopeKind, TASK_FIELD_HELP as HELP } from '@shared/domain/tasks';
import { checkRule, numberRule } from '../../components/numberRule';
import { ConflictsField } from './ConflictsField';
import { NumberField, type NumberFieldSpec } from './NumberField';
import { list, SCOPE_KIND_TEXT } from './taskFieldLists';
import type { TaskOptions } from './useTaskOptions';

/** The team's numbers: whole counts, each filling its third of the row; the team size also meets the bureau's minimum. */
const teamNumbers = (minTeamSize: number): NumberFieldSpec[] =>
  [
    {
      label: '每组人数',
      name: 'teamSize' as const,
      extra: HELP.teamSize,
      rule: checkRule((v) => teamSizeProblem(v, minTeamSize)),
      suffix: '人',
      testId: 'task-team-size',
    },
    {
      label: '名单包大小',
      name: 'packageSize' as const,
      extra: HELP.packageSize,
      rule: numberRule(PACKAGE_SIZE),
      suffix: '户',
      testId: 'task-package-size',
    },
    {
      label: '每人最多参加',
      name: 'maxPackagesPerInspector' as const,
      extra: HELP.maxPackagesPerInspector,
      rule: numberRule(MAX_PACKAGES_PER_INSPECTOR),
      suffix: '组',
      testId: 'task-max-packages',
    },
  ].map((spec) => ({ ...spec, width: '100%' }));

const TEAM_SWITCHES = [
  { label: '本单位回避', name: 'avoidOwnOffice', extra: HELP.avoidOwnOffice, on: '回避', off: '不回避' },
  { label: '组员来自不同单位', name: 'distinctOffices', extra: HELP.distinctOffices, on: '是', off: '否' },
  { label: '同时选派专家', name: 'includeExperts', extra: HELP.includeExperts, on: '含专家', off: '不含' },
] as const;

/** 检查组: team size and packages, who may be sent, avoidance rules. */
export function TaskTeamSection({
  options,
  scopeKind,
  includeExperts,
}: {
  options: TaskOptions;
  scopeKind: InspectorScopeKind | undefined;
  includeExperts: boolean | undefined;
}) {
  return (
    <>
      <Divider titlePlacement="start">检查组</Divider>
      <Row gutter={16}>
        {teamNumbers(options.settings.minTeamSize).map((spec) => (
          <Col span={8} key={spec.name}>
            <NumberField spec={spec} />
          </Col>
        ))}
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
      {scopeKind && scopeKind !== '全局' && <InspectorOfficesField options={options} scopeKind={scopeKind} />}
      <Row gutter={16}>
        {TEAM_SWITCHES.map((s) => (
          <Col span={8} key={s.name}>
            <Form.Item label={s.label} name={s.name} valuePropName="checked" extra={s.extra}>
              <Switch checkedChildren={s.on} unCheckedChildren={s.off} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {includeExperts && (
        <Form.Item
          label="专家领域"
          name="expertTags"
          extra="只选派具有所选领域标签的专家；不选表示专家库中在库专家都可选派。"
        >
          <Select mode="multiple" allowClear options={list(options.expertTags)} placeholder="不限" />
        </Form.Item>
      )}
      <ConflictsField />
    </>
  );
}

/** Which offices the inspectors come from, for every scope kind but 全局. */
function InspectorOfficesField({ options, scopeKind }: { options: TaskOptions; scopeKind: InspectorScopeKind }) {
  const scopeOffices = scopeKind === '局机关与所' ? options.bureauDepartments : options.stations;
  const single = scopeKind === '单一所';
  return (
    <Form.Item
      label={
        scopeKind === '局机关与所'
          ? '参加的局机关科室'
          : single
            ? '选派人员的市场监管所'
            : '选派人员的市场监管所（至少 2 个）'
      }
      name="inspectorOffices"
      extra={
        scopeKind === '局机关与所'
          ? '所选科室的人员与各市场监管所的人员一起随机选派；不选表示局机关各科室都参加。'
          : single
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
                min: single ? 1 : 2,
                message: single ? '请选择 1 个市场监管所' : '请至少选择 2 个市场监管所',
              },
            ]
      }
    >
      <Select
        mode="multiple"
        allowClear
        maxCount={single ? 1 : undefined}
        options={list(scopeOffices)}
        data-testid="task-inspector-offices"
      />
    </Form.Item>
  );
}
