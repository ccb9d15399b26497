import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Space,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { defaultPlanTitle, type PlanSummary } from '@shared/domain/plans';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { useApiCall } from '../../components/useApiCall';
import { PlanDetail, PlanStatusTag } from './PlanDetail';

/** 年度抽查计划: the plans by year on the left, the chosen one (?plan=ID) with its tasks and versions on the right. */
export function PlansPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const { data: plans, error } = useApiCall(() => api()['plans:list']({}), [version]);
  const planId = Number(params.get('plan')) || null;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ year: number; title: string }>();
  const select = (id: number) => setParams({ plan: String(id) });

  useEffect(() => {
    if (planId === null && plans && plans.length > 0) setParams({ plan: String(plans[0].id) }, { replace: true });
  }, [planId, plans, setParams]);

  async function create() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const plan = await api()['plans:save']({ year: values.year, title: values.title });
      message.success(`已新建《${plan.title}》(草稿)`);
      setCreating(false);
      setVersion((v) => v + 1);
      select(plan.id);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  const thisYear = new Date().getFullYear();
  return (
    <Row gutter={16} data-testid="plans-page">
      <Col span={5}>
        <Card
          title="年度计划"
          size="small"
          extra={
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                form.setFieldsValue({ year: thisYear, title: defaultPlanTitle(thisYear) });
                setCreating(true);
              }}
              data-testid="plan-new"
            >
              新建
            </Button>
          }
        >
          {error && <Alert type="error" showIcon title="无法读取计划" description={error} />}
          <List<PlanSummary>
            dataSource={plans ?? []}
            locale={{ emptyText: '还没有年度计划' }}
            data-testid="plan-list"
            renderItem={(p) => (
              <List.Item
                onClick={() => select(p.id)}
                style={{ cursor: 'pointer', background: p.id === planId ? '#e6f0fa' : undefined, paddingInline: 8 }}
                data-testid={`plan-item-${p.id}`}
              >
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{p.year} 年</Typography.Text>
                  <Typography.Text>{p.title}</Typography.Text>
                  <Space size={4}>
                    <PlanStatusTag plan={p} />
                    <Typography.Text type="secondary">任务 {p.taskCount} 个</Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col span={19}>
        {planId !== null ? (
          <PlanDetail key={planId} planId={planId} onChanged={() => setVersion((v) => v + 1)} />
        ) : (
          <Card>
            <Empty description="还没有年度抽查计划。点击左侧“新建”编制本年度的双随机抽查工作计划。" />
          </Card>
        )}
      </Col>
      <Modal
        open={creating}
        title="新建年度抽查工作计划"
        okText="新建"
        cancelText="取消"
        onOk={create}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        data-testid="plan-new-modal"
      >
        <Form
          form={form}
          layout="vertical"
          onValuesChange={(changed: { year?: number }) => {
            if (changed.year) form.setFieldsValue({ title: defaultPlanTitle(changed.year) });
          }}
        >
          <Form.Item
            label="年度"
            name="year"
            rules={[{ required: true, message: '请填写年度' }]}
            extra="计划所属的年度;创建后不能修改。"
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="plan-year-input" />
          </Form.Item>
          <Form.Item
            label="计划名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '计划名称不能为空' }]}
            extra="公示和打印时使用。"
          >
            <Input maxLength={100} data-testid="plan-title-new" />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
