import { App } from 'antd';
import type { PlanView } from '@shared/domain/plans';
import { errorText } from '../../components/files';
import { exportPlan } from './planExport';

/** Exports one published version of the plan for 公示, saying where it went or why it failed. */
export function usePlanExport(plan: PlanView) {
  const { message } = App.useApp();
  return async function runExport(version: number, format: 'xlsx' | 'pdf') {
    try {
      const done = await exportPlan(plan, version, format);
      if (done) message.success(`已导出第 ${done.version} 版公示计划：${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
}
