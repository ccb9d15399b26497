import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { DueList, PublicationList } from './DisclosureLists';
import { ResultAnnouncementTab } from './ResultAnnouncementTab';
import { TaskAnnouncementTab } from './TaskAnnouncementTab';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 信息公示: the 抽查任务公告 and 抽查结果公告 previewed, published and exported; the 公示期 and the record. */
export function DisclosurePage() {
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const { data: tasks, error, reload } = useApiCall(() => api()['disclosure:tasks']({}));
  const changed = () => {
    setVersion((v) => v + 1);
    reload();
  };
  return (
    <Card data-testid="disclosure-page">
      <ErrorAlert title="无法读取抽查任务" error={error} />
      <Tabs
        activeKey={params.get('tab') ?? 'task'}
        onChange={(tab) => setParams({ tab })}
        items={[
          { key: 'task', label: '抽查任务公告', children: <TaskAnnouncementTab tasks={tasks} onChanged={changed} /> },
          {
            key: 'result',
            label: '抽查结果公告',
            children: <ResultAnnouncementTab tasks={tasks} onChanged={changed} />,
          },
          { key: 'due', label: '公示期到期', children: <DueList key={version} /> },
          { key: 'record', label: '公示记录', children: <PublicationList version={version} /> },
        ]}
      />
    </Card>
  );
}
