import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Space, Switch } from 'antd';
import {
  percentProblem,
  percentToBp,
  RATIO_BP,
  RECENT_YEARS,
  RESULT_DEADLINE_WORKDAYS,
  TEAM_SIZE,
  type NumberRule,
} from '@shared/domain/number-rules';
import { CREDIT_GRADES, SETTINGS_LABELS, type Settings } from '@shared/domain/settings';
import { checkRule, numberRule, percentRule } from '../../components/numberRule';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HolidaySection } from './HolidaySection';
import { BureauNotSet } from './BureauNotSet';
import { OfficesSection } from './OfficesSection';
import { AuditChainCheck } from '../audit/AuditChainCheck';
import { DisclosureRulesSection } from '../disclosure/DisclosureRulesSection';
import { BackupsSection } from '../backups/BackupsSection';
import { UsersSection } from '../users/UsersSection';

/** The form edits percentages; the program stores integer basis points (never floats, see DRAW-SPEC §10). */
type FormValues = Omit<Settings, 'defaultRatioBp' | 'gradeRatioBp'> & {
  defaultRatioPct: number;
  gradeRatioPct: Record<string, number>;
};

const toPct = (bp: number) => bp / 100;
const toBp = percentToBp;

/** 系统设置: the bureau's rules (DOMAIN.md "defaults, editable per bureau in settings"). */
export function SettingsPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useApiCall(() => api()['settings:get']({}));
  const [form] = Form.useForm<FormValues>();
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!data) return;
    const { bureauSet, ...settings } = data;
    form.setFieldsValue({
      ...settings,
      // Until entered, the placeholder is not offered as the bureau's name: the administrator types it.
      ...(bureauSet ? {} : { bureauName: '', bureauShortName: '' }),
      defaultRatioPct: toPct(data.defaultRatioBp),
      gradeRatioPct: Object.fromEntries(CREDIT_GRADES.map((g) => [g, toPct(data.gradeRatioBp[g])])),
    });
  }, [data, form]);

  async function save(values: FormValues) {
    setSaving(true);
    setSaveError(undefined);
    try {
      const { defaultRatioPct, gradeRatioPct, ...rest } = values;
      await api()['settings:set']({
        ...rest,
        defaultRatioBp: toBp(defaultRatioPct),
        gradeRatioBp: {
          A: toBp(gradeRatioPct.A),
          B: toBp(gradeRatioPct.B),
          C: toBp(gradeRatioPct.C),
          D: toBp(gradeRatioPct.D),
        },
      });
      message.success('设置已保存');
      reload();
    } catch (e) {
      setSaveError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <ErrorAlert title="无法读取设置" error={error} style={{ marginBottom: 16 }} />
      <ErrorAlert title="保存失败" error={saveError} style={{ marginBottom: 16 }} testId="save-error" />
      {data && !data.bureauSet && <BureauNotSet />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        wrapperCol={{ span: 14 }}
        onFinish={save}
        scrollToFirstError={{ block: 'center' }}
        style={{ maxWidth: 760 }}
      >
        <SettingsFields />
        <Form.Item wrapperCol={{ offset: 8 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存设置
          </Button>
        </Form.Item>
      </Form>
      <SeparateSections />
    </Card>
  );
}

/** The settings that save themselves, each in its own section below the form. */
function SeparateSections() {
  return (
    <>
      <OfficesSection />
      <HolidaySection />
      <UsersSection />
      <DisclosureRulesSection />
      <BackupsSection />
      <AuditChainCheck />
    </>
  );
}

const pct = { addonAfter: '%', style: { width: 160 } };

/** A grade's ratio: its message names the grade, as the four share one line. */
const gradeRule = (g: string) =>
  checkRule((v) => {
    const problem = percentProblem(RATIO_BP, v);
    return problem && `${g} 级：${problem}`;
  });

/** The settings that are a whole number, each checked by its own rule. */
const WHOLE_NUMBER_SETTINGS: { name: keyof Settings; rule: NumberRule; extra?: string }[] = [
  { name: 'recentInspectionYears', rule: RECENT_YEARS, extra: '0 表示不排除' },
  { name: 'resultDeadlineWorkdays', rule: RESULT_DEADLINE_WORKDAYS },
  { name: 'minTeamSize', rule: TEAM_SIZE },
];

/** The bureau's rules, one field each (the form values are percentages). */
function SettingsFields() {
  return (
    <>
      <Form.Item
        name="bureauName"
        label={SETTINGS_LABELS.bureauName}
        rules={[{ required: true, message: '请填写机关名称' }]}
      >
        <Input placeholder="如：某某县市场监督管理局" />
      </Form.Item>
      <Form.Item
        name="bureauShortName"
        label={SETTINGS_LABELS.bureauShortName}
        extra="用于任务编号：机关简称 + 抽查〔年〕+ 序号"
        rules={[{ required: true, message: '请填写机关简称' }]}
      >
        <Input placeholder="如：某市监" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="defaultRatioPct"
        label={SETTINGS_LABELS.defaultRatioBp}
        extra="任务未另行规定时使用，原则上不低于 5%"
        rules={[percentRule(RATIO_BP)]}
      >
        <InputNumber {...pct} />
      </Form.Item>
      <Form.Item label={SETTINGS_LABELS.gradeRatioBp} extra="信用风险等级越高，抽查比例越高（A 级无事不扰）">
        <Space wrap>
          {CREDIT_GRADES.map((g) => (
            <Form.Item key={g} name={['gradeRatioPct', g]} noStyle rules={[gradeRule(g)]}>
              <InputNumber {...pct} addonBefore={`${g} 级`} style={{ width: 190 }} />
            </Form.Item>
          ))}
        </Space>
      </Form.Item>
      {WHOLE_NUMBER_SETTINGS.map(({ name, rule, extra }) => (
        <Form.Item key={name} name={name} label={SETTINGS_LABELS[name]} extra={extra} rules={[numberRule(rule)]}>
          <InputNumber />
        </Form.Item>
      ))}
      <Form.Item name="avoidOwnOffice" label={SETTINGS_LABELS.avoidOwnOffice}>
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
    </>
  );
}
