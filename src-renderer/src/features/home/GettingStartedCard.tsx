import { Button, Card, List, Tag, Typography } from 'antd';
import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { GettingStartedStep } from '@shared/domain/settings';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { ErrorAlert } from '../../components/ErrorAlert';

const STEPS: Record<GettingStartedStep['key'], { title: string; hint: string; path: string; action: string }> = {
  admin: {
    title: '创建管理员账户',
    hint: '在系统设置的用户管理中创建。创建后每次打开程序须登录，每项操作记在本人名下，承诺和封存须由监督员输入本人密码。未创建时程序照常可用。',
    path: '/settings#users',
    action: '去用户管理',
  },
  bureau: {
    title: '填写机关信息',
    hint: '机关名称、机关简称（用于任务编号）和本局的科室、市场监管所。填写之前不能公示计划和抽取。',
    path: '/settings',
    action: '去系统设置',
  },
  items: { title: '导入检查事项清单', hint: '本局的随机抽查事项清单。', path: '/items', action: '去检查事项清单' },
  entities: {
    title: '导入检查对象名录库',
    hint: '从登记系统导出的市场主体名录。',
    path: '/entities',
    action: '去检查对象名录库',
  },
  inspectors: {
    title: '导入执法检查人员名录库',
    hint: '执法检查人员及其执法证号、所属科室或所。',
    path: '/inspectors',
    action: '去执法检查人员名录库',
  },
  plan: {
    title: '编制并公示年度抽查计划',
    hint: '计划中的抽查任务公示后才能抽取。',
    path: '/plans',
    action: '去年度抽查计划',
  },
  draw: {
    title: '完成第一次随机抽取',
    hint: '在见证下准备、承诺、揭晓并封存。',
    path: '/draw',
    action: '去随机抽取',
  },
};

/** 开始使用: the first-run steps in order, each ticked from the data; gone once every step is done. */
export function GettingStartedCard({ refreshKey }: { refreshKey: number }) {
  const navigate = useNavigate();
  const { data, error } = useApiCall(() => api()['settings:getting-started']({}), [refreshKey]);
  if (error) return <ErrorAlert title="无法读取开始使用的步骤" error={error} />;
  if (!data || data.every((s) => s.done)) return null;
  const next = data.find((s) => !s.done)!.key;
  const done = data.filter((s) => s.done).length;
  return (
    <Card title="开始使用" extra={`已完成 ${done} / ${data.length} 步`} data-testid="getting-started">
      <List
        size="small"
        dataSource={data}
        renderItem={(step, i) => {
          const s = STEPS[step.key];
          return (
            <List.Item
              data-testid={`step-${step.key}`}
              data-done={step.done ? 'true' : 'false'}
              actions={[
                <Button
                  key="go"
                  type={step.key === next ? 'primary' : 'link'}
                  size="small"
                  onClick={() => navigate(s.path)}
                >
                  {s.action}
                  <RightOutlined />
                </Button>,
              ]}
            >
              <List.Item.Meta
                avatar={<StepMark index={i + 1} done={step.done} />}
                title={
                  <Typography.Text type={step.done ? 'secondary' : undefined}>
                    {s.title}
                    {step.done && (
                      <Tag color="success" style={{ marginLeft: 8 }}>
                        已完成
                      </Tag>
                    )}
                  </Typography.Text>
                }
                description={s.hint}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function StepMark({ index, done }: { index: number; done: boolean }) {
  if (done) return <CheckCircleFilled style={{ fontSize: 22, color: '#52c41a' }} aria-label="已完成" />;
  return (
    <span
      style={{
        display: 'inline-flex',
        width: 22,
        height: 22,
        borderRadius: 11,
        border: '1px solid #1677ff',
        color: '#1677ff',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 12,
      }}
    >
      {index}
    </span>
  );
}
