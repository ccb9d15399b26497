import { useState } from 'react';
import { Card, Space, Typography } from 'antd';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { AttentionCard } from './AttentionCard';
import { DatabaseCard } from './DatabaseCard';
import { DeadlinesCard } from './DeadlinesCard';
import { GettingStartedCard } from './GettingStartedCard';
import { RosterOverview } from './RosterOverview';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 首页: the first steps until done, what needs doing today, what this program is for and which database it uses. */
export function HomePage() {
  const { data: info, error } = useApiCall(() => api()['app:info']({}));
  const [demoLoads, setDemoLoads] = useState(0);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <GettingStartedCard refreshKey={demoLoads} />
      <AttentionCard refreshKey={demoLoads} />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          双随机一公开监管工作台
        </Typography.Title>
        <Typography.Paragraph>
          随机抽取检查对象、随机选派执法检查人员、抽查情况及查处结果及时向社会公开。本程序离线运行：维护一单两库，编制年度抽查计划，在见证下进行可公开验证的随机抽取，打印一户一表，录入并公示检查结果。
        </Typography.Paragraph>
      </Card>
      <RosterOverview onDemoLoaded={() => setDemoLoads((n) => n + 1)} />
      <DeadlinesCard />
      {error && <ErrorAlert title="无法读取程序信息" error={error} />}
      {info && <DatabaseCard info={info} />}
    </Space>
  );
}
