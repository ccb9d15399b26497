import { useEffect, useRef, useState } from 'react';
import { App, Card, Col, Empty, Form, Row } from 'antd';
import { useSearchParams } from 'react-router';
import { defaultPlanTitle } from '@shared/domain/plans';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { refusalAtField, refusalCode } from '../../components/refusalAtField';
import { useApiCall } from '../../components/useApiCall';
import { NewPlanModal, type NewPlanValues } from './NewPlanModal';
import { PlanDetail } from './PlanDetail';
import { PlanList } from './PlanList';

/** 年度抽查计划: the plans by year on the left, the chosen one (?plan=ID) with its tasks and versions on the right. */
export function PlansPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [version, setVersion] = useState(0);
  const { data: plans, error } = useApiCall(() => api()['plans:list']({}), [version]);
  const planId = Number(params.get('plan')) || null;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewPlanValues>();
  const select = (id: number) => setParams({ plan: String(id) });

  // Until the list is read again after 删除 it still holds the deleted plan, which must not be chosen back (its id
  // may come back with a new plan, so only that list skips it).
  const deletion = useRef<{ from: typeof plans; id: number } | null>(null);
  useEffect(() => {
    const last = deletion.current;
    const gone = last && last.from === plans ? last.id : null;
    const first = plans?.find((p) => p.id !== gone);
    if (planId === null && first) setParams({ plan: String(first.id) }, { replace: true });
  }, [planId, plans, setParams]);

  async function create() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const plan = await api()['plans:save']({ year: values.year, title: values.title });
      message.success(`已新建《${plan.title}》（草稿）`);
      setCreating(false);
      setVersion((v) => v + 1);
      select(plan.id);
    } catch (e) {
      // A second plan for a year is refused at the 年度 field; the modal keeps what was typed.
      if (refusalCode(e) === 'plan.duplicate') refusalAtField(form, e, 'year');
      else message.error(errorText(e));
    }
  }

  function startCreate() {
    const thisYear = new Date().getFullYear();
    form.setFieldsValue({ year: thisYear, title: defaultPlanTitle(thisYear) });
    setCreating(true);
  }

  return (
    <Row gutter={16} data-testid="plans-page">
      <Col span={5}>
        <PlanList plans={plans} error={error} planId={planId} onSelect={select} onNew={startCreate} />
      </Col>
      <Col span={19}>
        {planId !== null ? (
          <PlanDetail
            key={planId}
            planId={planId}
            onChanged={() => setVersion((v) => v + 1)}
            onDeleted={() => {
              deletion.current = { from: plans, id: planId };
              setParams({}, { replace: true });
              setVersion((v) => v + 1);
            }}
          />
        ) : (
          <Card>
            <Empty description="还没有年度抽查计划。点击左侧“新建”编制本年度的双随机抽查工作计划。" />
          </Card>
        )}
      </Col>
      <NewPlanModal open={creating} form={form} onOk={create} onCancel={() => setCreating(false)} />
    </Row>
  );
}
