import { useState } from 'react';
import { Alert, Button, Card, Modal, Space, Tag } from 'antd';
import { ListTable } from '../../components/ListTable';
import type { PlanVersionSummary, PlanView } from '@shared/domain/plans';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { usePlanExport } from './usePlanExport';
import { PlanPublicationView } from './PlanPublicationView';
import { dateTimeText } from '../../components/dateTime';

/** 公示版本: every published version, newest first, each readable and exportable as it was published. */
export function PlanVersions({ plan }: { plan: PlanView }) {
  const runExport = usePlanExport(plan);
  const [shown, setShown] = useState<number | null>(null);
  const versions = useApiCall(
    () => (shown === null ? Promise.resolve(null) : api()['plans:versions']({ id: plan.id })),
    [shown, plan.id, plan.version],
  );
  const publication = versions.data?.find((v) => v.version === shown)?.publication;

  return (
    <Card title="公示版本" size="small" data-testid="plan-versions">
      <ListTable<PlanVersionSummary>
        rowKey="version"
        dataSource={plan.versions}
        locale={{ emptyText: '尚未公示' }}
        onRow={(v) => ({ 'data-testid': `version-row-${v.version}` }) as never}
        columns={[
          {
            title: '版本',
            dataIndex: 'version',
            width: 110,
            render: (v: number) => (
              <Space>
                第 {v} 版{v === plan.version && <Tag color="green">现行</Tag>}
              </Space>
            ),
          },
          { title: '公示时间', dataIndex: 'publishedAt', width: 170, render: (at: string) => dateTimeText(at) },
          { title: '操作人', dataIndex: 'actor', width: 110 },
          { title: '修改理由', dataIndex: 'reason', render: (r: string | null) => r ?? '（首次公示）' },
          {
            title: '操作',
            width: 250,
            render: (_: unknown, v) => <VersionActions version={v.version} onView={setShown} onExport={runExport} />,
          },
        ]}
      />
      <Modal
        open={shown !== null}
        width={1280}
        title={`公示计划 第 ${shown ?? ''} 版（按公示时的内容）`}
        onCancel={() => setShown(null)}
        footer={<Button onClick={() => setShown(null)}>关闭</Button>}
        destroyOnHidden
        data-testid="version-modal"
      >
        {versions.error && <Alert type="error" showIcon title={versions.error} />}
        {publication && <PlanPublicationView publication={publication} />}
      </Modal>
    </Card>
  );
}

/** 查看 / 导出 Excel / 导出 PDF for one published version. */
function VersionActions({
  version,
  onView,
  onExport,
}: {
  version: number;
  onView: (version: number) => void;
  onExport: (version: number, format: 'xlsx' | 'pdf') => void;
}) {
  const buttons = [
    { text: '查看', testId: 'version-view', onClick: () => onView(version) },
    { text: '导出 Excel', testId: 'version-xlsx', onClick: () => onExport(version, 'xlsx') },
    { text: '导出 PDF', testId: 'version-pdf', onClick: () => onExport(version, 'pdf') },
  ];
  return (
    <Space size={4}>
      {buttons.map((b) => (
        <Button key={b.testId} size="small" type="link" onClick={b.onClick} data-testid={`${b.testId}-${version}`}>
          {b.text}
        </Button>
      ))}
    </Space>
  );
}
