import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Space, Table } from 'antd';
import type { ResultImportProblem, ResultImportReport } from '@shared/ipc/channels/results';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { ImportRunning } from './ImportRunning';
import { useImportJob } from './useImportJob';

interface Props {
  open: boolean;
  onClose(): void;
  onImported(): void;
}

function Counts({ report }: { report: ResultImportReport }) {
  return (
    <Descriptions size="small" column={6} bordered layout="vertical" data-testid="import-counts">
      <Descriptions.Item label="工作簿">{report.files}</Descriptions.Item>
      <Descriptions.Item label="工作表">{report.sheets}</Descriptions.Item>
      <Descriptions.Item label="对上抽中对象">{report.matched}</Descriptions.Item>
      <Descriptions.Item label="可导入">{report.entered}</Descriptions.Item>
      <Descriptions.Item label="无变化">{report.unchanged}</Descriptions.Item>
      <Descriptions.Item label="有问题">{report.rejected}</Descriptions.Item>
    </Descriptions>
  );
}

function Problems({ problems }: { problems: ResultImportProblem[] }) {
  return (
    <Table<ResultImportProblem>
      rowKey={(p, i) => `${p.file}|${p.sheet}|${p.cell}|${i}`}
      size="small"
      dataSource={problems}
      pagination={{ pageSize: 8, showSizeChanger: false, showTotal: (n) => `共 ${n} 个问题` }}
      data-testid="import-problems"
      columns={[
        { title: '文件', dataIndex: 'file', width: 160 },
        { title: '工作表', dataIndex: 'sheet', width: 160 },
        { title: '单元格', dataIndex: 'cell', width: 70 },
        { title: '问题', dataIndex: 'reason' },
      ]}
    />
  );
}

/**
 * 导入填好的一户一表: choose workbooks, see every problem and the counts, then 确认导入 writes the valid part. Both run
 * in main's import worker with progress; the preview can be cancelled (closing the dialog cancels it too).
 */
export function ImportModal({ open, onClose, onImported }: Props) {
  const { message } = App.useApp();
  const { run, busy, error } = useAction();
  const { job, progress, start, cancel } = useImportJob();
  const [preview, setPreview] = useState<{ previewId: string; report: ResultImportReport } | null>(null);

  const choose = () =>
    run(async () => {
      const files = await api()['results:choose-files']({});
      if (!files) return;
      setPreview(null);
      const tokens = files.map((f) => f.token);
      const done = await start('preview', (jobId) => api()['results:import-preview']({ files: tokens, jobId }));
      if (done) setPreview(done);
      else message.info('已取消预览，没有写入任何内容。');
    });
  const confirm = () =>
    run(async () => {
      if (!preview) return;
      const { previewId } = preview;
      const done = await start('confirm', (jobId) => api()['results:import']({ previewId, jobId }));
      if (!done) return;
      message.success(`已导入 ${done.entered} 户的检查结果（已录入），${done.rejected} 张工作表有问题未导入。`);
      setPreview(null);
      onImported();
      onClose();
    });
  const close = () => {
    if (job?.kind === 'preview') void cancel();
    setPreview(null);
    onClose();
  };
  const report = preview?.report;
  return (
    <Modal
      title="导入填好的一户一表"
      open={open}
      width={1000}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>关闭</Button>
          <Button onClick={() => void choose()} disabled={busy}>
            {preview ? '重新选择工作簿' : '选择工作簿'}
          </Button>
          <Button type="primary" disabled={!report || report.entered === 0 || busy} onClick={() => void confirm()}>
            确认导入{report ? `（${report.entered} 户）` : ''}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          message="选择从「一户一表」导出、填好后保存的 Excel 工作簿（可多选）。先预览：列出每个问题与各项数量，确认后才写入没有问题的部分。"
        />
        {error && <Alert type="error" showIcon title={error} />}
        {job && <ImportRunning job={job} progress={progress} onCancel={() => void cancel()} />}
        {report && <Counts report={report} />}
        {report && report.problems.length > 0 && <Problems problems={report.problems} />}
        {report && report.problems.length === 0 && <Alert type="success" showIcon title="没有发现问题。" />}
      </Space>
    </Modal>
  );
}
