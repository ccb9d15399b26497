import { useState } from 'react';
import { App, Button, Divider, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CalendarYearView } from '@shared/domain/follow-ups';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { formOf, rangesText, type HolidayFormValues } from './holidayForm';
import { HolidayYearForm } from './HolidayYearForm';
import { dateTimeText } from '../../components/dateTime';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 节假日安排: the years the working-day calendar covers (shipped with the program, or entered here), and the form to
 * enter or import a year's 放假安排. A deadline in a year not listed is shown as 待确认.
 */
export function HolidaySection() {
  const { message } = App.useApp();
  const { data, error, reload } = useApiCall(() => api()['calendar:years']({}));
  const [editing, setEditing] = useState<HolidayFormValues>();
  const years = data?.years ?? [];
  const shipped = years.filter((y) => y.source === 'shipped').map((y) => y.year);
  const next = years.length > 0 ? years[years.length - 1].year + 1 : new Date().getFullYear();

  return (
    <div data-testid="holiday-section" style={{ maxWidth: 1040 }}>
      <Divider titlePlacement="start">节假日安排</Divider>
      <Typography.Paragraph type="secondary">
        检查结果录入期限等按工作日计算，依国务院办公厅每年发布的节假日安排（含调休上班日）。下表未列出的年份，期限显示为“待确认”，
        请在国务院通知发布后录入或导入该年安排。
      </Typography.Paragraph>
      <ErrorAlert title="无法读取节假日安排" error={error} />
      <Table<CalendarYearView>
        rowKey="year"
        size="small"
        pagination={false}
        tableLayout="fixed"
        dataSource={years}
        style={{ marginBottom: 12 }}
        onRow={(y) => ({ 'data-testid': `holiday-year-${y.year}` }) as never}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          {
            title: '来源',
            width: 240,
            render: (_: unknown, y) => <SourceCell year={y} source={data?.shippedSource} />,
          },
          { title: '放假', render: (_: unknown, y) => <DatesCell dates={y.holidays} /> },
          { title: '调休上班', width: 220, render: (_: unknown, y) => <DatesCell dates={y.workdays} /> },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, y) =>
              y.source === 'entered' && (
                <Button size="small" type="link" onClick={() => setEditing(formOf(y))}>
                  重新录入
                </Button>
              ),
          },
        ]}
      />
      {editing ? (
        <HolidayYearForm
          key={editing.year}
          initial={editing}
          shippedYears={shipped}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            message.success('节假日安排已保存，相关期限已按新安排计算');
            setEditing(undefined);
            reload();
          }}
        />
      ) : (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing({ year: next, holidays: [null], workdays: [] })}
          data-testid="holiday-new"
        >
          录入{next}年节假日安排
        </Button>
      )}
    </div>
  );
}

function SourceCell({ year, source }: { year: CalendarYearView; source?: string }) {
  if (year.source === 'shipped') {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="blue">随程序提供</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {source}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={0}>
      <Tag color="green">管理员录入</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {year.enteredBy}，{dateTimeText(year.enteredAt)}
      </Typography.Text>
    </Space>
  );
}

function DatesCell({ dates }: { dates: string[] }) {
  if (dates.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Typography.Text style={{ fontSize: 12 }}>
      {dates.length} 天：{rangesText(dates)}
    </Typography.Text>
  );
}
