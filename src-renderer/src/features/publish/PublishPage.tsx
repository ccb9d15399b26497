import { useState } from 'react';
import { Alert, Radio, Select, Space, Typography } from 'antd';
import type { PublishChoices } from '@shared/ipc/channels/publish';
import { api } from '../../api';
import { JobCard } from '../../components/JobCard';
import { JobProgressBar } from '../../components/JobProgressBar';
import { NoSealedDraw } from '../../components/NoSealedDraw';
import { useApiCall } from '../../components/useApiCall';
import { usePublish, type PublishScope, type PublishState } from './usePublish';
import { formatCount } from '@shared/domain/counts';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 公示包: pick a sealed task or a year, choose an empty folder, and get a folder ready for the bureau's website. */
export function PublishPage() {
  const { data, error } = useApiCall(() => api()['publish:choices']({}), []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="publish-page">
      {error && <ErrorAlert title="无法读取已封存的抽取" error={error} />}
      {data && data.tasks.length === 0 && (
        <NoSealedDraw
          testId="publish-none"
          message="还没有已封存的抽取，暂不能生成公示包。请先在「随机抽取」中完成抽取并封存。"
        />
      )}
      {data && data.tasks.length > 0 && <PublishCard choices={data} />}
    </Space>
  );
}

function PublishCard({ choices }: { choices: PublishChoices }) {
  const [by, setBy] = useState<'task' | 'year'>('task');
  const [taskNo, setTaskNo] = useState(choices.tasks[0].number);
  const [year, setYear] = useState(choices.years[0]);
  const publisher = usePublish();
  const running = publisher.state.phase === 'running';
  const scope: PublishScope = by === 'task' ? { taskNo } : { year };
  return (
    <JobCard
      title="生成公示包"
      testId="publish-card"
      about={
        <>
          公示包是一个可直接放到机关网站上的文件夹：首页 index.html
          列出本机关的抽查计划、任务、抽中名单和已公示的检查结果，
          公众可按名称或统一社会信用代码查询某户是否被抽中及其原因（本户抽取号与本层截止抽取号的比较），并离线验证整次抽取；
          另附各任务的抽取记录（proof.json）和离线验证页。不需要服务器，从磁盘打开即可使用。请选择一个空文件夹。
        </>
      }
      start={{ label: '选择空文件夹并生成', testId: 'publish-start', onClick: () => void publisher.start(scope) }}
      running={running}
      outcome={<PublishOutcome state={publisher.state} onCancel={() => void publisher.cancel()} />}
    >
      <Radio.Group
        optionType="button"
        value={by}
        disabled={running}
        onChange={(e) => setBy(e.target.value as 'task' | 'year')}
        options={[
          { value: 'task', label: '一个抽查任务' },
          { value: 'year', label: '一个年度' },
        ]}
        data-testid="publish-by"
      />
      {by === 'task' ? (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 520 }}
          value={taskNo}
          disabled={running}
          onChange={setTaskNo}
          options={choices.tasks.map((t) => ({ value: t.number, label: `${t.number} ${t.name}` }))}
          data-testid="publish-task"
        />
      ) : (
        <Select
          style={{ width: 160 }}
          value={year}
          disabled={running}
          onChange={setYear}
          options={choices.years.map((y) => ({ value: y, label: `${y} 年度` }))}
          data-testid="publish-year"
        />
      )}
    </JobCard>
  );
}

function PublishOutcome({ state, onCancel }: { state: PublishState; onCancel: () => void }) {
  if (state.phase === 'running')
    return (
      <div data-testid="publish-running">
        <JobProgressBar
          percent={state.progress?.percent ?? 0}
          width={480}
          cancelling={state.cancelling}
          onCancel={onCancel}
          cancelTestId="publish-cancel"
        />
        <Typography.Text type="secondary">
          {state.progress?.current ? `正在写入「${state.progress.current}」` : '正在读取抽取结果…'}
        </Typography.Text>
      </div>
    );
  if (state.phase === 'failed')
    return (
      <Alert type="error" showIcon title="未生成公示包" description={state.message} data-testid="publish-failed" />
    );
  if (state.phase !== 'finished') return null;
  const { result } = state;
  if (result.outcome === 'cancelled')
    return <Alert type="warning" showIcon title="已取消，未写入任何文件。" data-testid="publish-cancelled" />;
  return (
    <Alert
      type="success"
      showIcon
      title={`公示包已生成到文件夹「${result.folderName}」`}
      description={`含抽查任务 ${formatCount(result.tasks)} 个，候选市场主体 ${formatCount(result.entities)} 户次，文件 ${formatCount(result.files)} 个。用浏览器打开其中的 index.html 即可查询和验证；整个文件夹可原样上传到机关网站。`}
      data-testid="publish-done"
    />
  );
}
