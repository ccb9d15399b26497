import { Button, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ListTable } from '../../components/ListTable';
import type { ColumnsType } from 'antd/es/table';
import { SwapOutlined } from '@ant-design/icons';
import type { AmendmentView, DrawView, PackageView, TeamMemberView } from '@shared/domain/draws';
import { gradeLabel } from '@shared/domain/tasks';
import { AmendModal } from './AmendModal';
import { HashText } from './HashText';
import { type AmendTarget, useAmend } from './useAmend';
import { dateTimeText } from '../../components/dateTime';

function Member({ member }: { member: TeamMemberView }) {
  return (
    <Tooltip title={`抽取编号 ${member.id} · ${member.office}`}>
      <span>
        {member.name}
        {member.isExpert && <Tag style={{ marginLeft: 4 }}>专家</Tag>}
      </span>
    </Tooltip>
  );
}

/**
 * 揭晓 and after: the seed, the packages with their entities (draw number and rank) and teams, page by page; after
 * 封存, 递补 of a team member with a required reason, and the amendments made so far.
 */
export function ResultView({
  draw,
  page,
  onPage,
  onAmended,
  busy,
}: {
  draw: DrawView;
  page: number;
  onPage: (page: number) => void;
  onAmended: () => void;
  busy: boolean;
}) {
  const amend = useAmend(draw, onAmended);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="draw-results">
      {draw.reveal && <RevealSummary draw={draw} reveal={draw.reveal} />}
      <PackagesTable draw={draw} page={page} onPage={onPage} busy={busy} onAmend={amend.start} />
      {draw.amendments.length > 0 && <Amendments amendments={draw.amendments} />}
      <AmendModal amend={amend} />
    </Space>
  );
}

function RevealSummary({ draw, reveal }: { draw: DrawView; reveal: NonNullable<DrawView['reveal']> }) {
  return (
    <Descriptions size="small" bordered column={1}>
      <Descriptions.Item label="随机数 nonce（揭晓）">
        <HashText value={reveal.nonce} testId="hash-nonce" />
      </Descriptions.Item>
      <Descriptions.Item label="种子 seed">
        <HashText value={reveal.seed} testId="hash-seed" />
      </Descriptions.Item>
      <Descriptions.Item label="揭晓时间">{dateTimeText(reveal.revealedAt)}</Descriptions.Item>
      {draw.sealed && (
        <Descriptions.Item label="封存">
          {dateTimeText(draw.sealed.sealedAt)} 由 {draw.sealed.sealedBy} 封存（证明第 {draw.sealed.proofVersion} 版）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function PackagesTable({
  draw,
  page,
  onPage,
  busy,
  onAmend,
}: {
  draw: DrawView;
  page: number;
  onPage: (page: number) => void;
  busy: boolean;
  onAmend: (target: AmendTarget) => void;
}) {
  const sealed = draw.state === 'sealed';
  const team = {
    title: sealed ? '检查组（点击“递补”替换人员）' : '检查组',
    width: 340,
    render: (_: unknown, p: PackageView) => (
      <Space orientation="vertical" size={2}>
        {p.team.map((m) => (
          <Space key={m.id} size={4}>
            <Member member={m} />
            {sealed && (
              <Button
                size="small"
                type="link"
                icon={<SwapOutlined />}
                disabled={busy}
                onClick={() => onAmend({ packageNo: p.no, member: m })}
                data-testid={`amend-${p.no}-${m.id}`}
              >
                递补
              </Button>
            )}
          </Space>
        ))}
      </Space>
    ),
  };
  return (
    <Table<PackageView>
      size="small"
      bordered
      rowKey="no"
      dataSource={draw.packages}
      data-testid="draw-packages"
      onRow={(p) => ({ 'data-testid': `package-row-${p.no}` }) as never}
      pagination={{
        current: page,
        pageSize: draw.packagePageSize,
        total: draw.packageCount,
        showSizeChanger: false,
        showTotal: (total) => `共 ${total} 个名单包`,
        onChange: onPage,
      }}
      columns={[...PACKAGE_COLUMNS, team]}
    />
  );
}

const PACKAGE_COLUMNS: ColumnsType<PackageView> = [
  { title: '名单包', dataIndex: 'no', width: 80, align: 'center', render: (no: number) => `第 ${no} 包` },
  { title: '片区', dataIndex: 'area', width: 120, render: (a: string | null) => a ?? '—' },
  {
    title: '检查对象（层 · 名次 · 抽取号）',
    render: (_: unknown, p) =>
      p.entities.map((e) => (
        <div key={e.code}>
          <Typography.Text strong>{e.name}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {e.code} · {gradeLabel(e.stratum)} 第 {e.rank} 名 ·{' '}
          </Typography.Text>
          <Tooltip title={e.key}>
            <Typography.Text code>{e.key.slice(0, 12)}…</Typography.Text>
          </Tooltip>
        </div>
      )),
  },
];

function Amendments({ amendments }: { amendments: AmendmentView[] }) {
  return (
    <ListTable<AmendmentView>
      rowKey="ordinal"
      title={() => <Typography.Text strong>递补记录</Typography.Text>}
      dataSource={amendments}
      data-testid="draw-amendments"
      columns={[
        { title: '序号', dataIndex: 'ordinal', width: 60 },
        { title: '名单包', dataIndex: 'packageNo', width: 80, render: (no: number) => `第 ${no} 包` },
        { title: '被替换', render: (_: unknown, a) => `${a.out.name}（${a.out.id}）` },
        { title: '递补人员', render: (_: unknown, a) => `${a.in.name}（${a.in.id}）` },
        { title: '理由', dataIndex: 'reason' },
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => dateTimeText(at) },
        { title: '操作人', dataIndex: 'actor', width: 110 },
      ]}
    />
  );
}
