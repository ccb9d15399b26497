import { api } from '../../api';
import { saveThroughDialog } from '../../components/files';

/** 导出公示计划: a published version as xlsx or PDF, written where the clerk's save dialog points. */
export function exportPlan(plan: { id: number; title: string }, version: number, format: 'xlsx' | 'pdf') {
  return saveThroughDialog(
    format === 'xlsx' ? 'plan-xlsx' : 'plan-pdf',
    `${plan.title}（第${version}版）.${format}`,
    (fileToken) => api()['plans:export']({ planId: plan.id, version, format, fileToken }),
  );
}
