import type { AppChannel } from '@shared/ipc/channels/app';
import type { HandlersFor, Services } from './types';

export function appHandlers(s: Services): HandlersFor<AppChannel> {
  return {
    'app:info': () => s.app.info(),
    'app:switch-database': (req) => s.app.switchDatabase(req),
    'dialog:open-file': () =>
      s.files.choose({
        mode: 'open',
        title: '选择要导入的文件',
        filters: [{ name: 'Excel 或 CSV 文件', extensions: ['xlsx', 'xls', 'csv', 'txt'] }],
      }),
    'dialog:save-file': (req) =>
      s.files.choose({
        mode: 'save',
        title: SAVE_TITLES[req.purpose],
        defaultName: req.defaultName,
        filters: SAVE_FILTERS[req.purpose],
      }),
  };
}

const SAVE_TITLES = {
  import: '保存',
  export: '导出名录',
  template: '保存导入模板',
  rejections: '保存导入问题清单',
  'plan-xlsx': '导出公示计划（Excel）',
  'plan-pdf': '导出公示计划（PDF）',
  proof: '导出抽取记录（可验证）',
  record: '导出随机抽取情况记录表',
  'draw-list': '导出抽取名单（Excel）',
  'disclosure-xlsx': '导出公告（Excel）',
  'disclosure-pdf': '导出公告（PDF）',
  'stats-xlsx': '导出统计指标（Excel）',
  'stats-pdf': '导出统计分析报告（PDF）',
} as const;

const XLSX_FILTER = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
const PDF_FILTER = [{ name: 'PDF 文件', extensions: ['pdf'] }];
const SAVE_FILTERS: Record<keyof typeof SAVE_TITLES, { name: string; extensions: string[] }[]> = {
  import: XLSX_FILTER,
  export: XLSX_FILTER,
  template: XLSX_FILTER,
  rejections: XLSX_FILTER,
  'plan-xlsx': XLSX_FILTER,
  'plan-pdf': PDF_FILTER,
  proof: [{ name: '抽取记录（JSON）', extensions: ['json'] }],
  record: PDF_FILTER,
  'draw-list': XLSX_FILTER,
  'disclosure-xlsx': XLSX_FILTER,
  'disclosure-pdf': PDF_FILTER,
  'stats-xlsx': XLSX_FILTER,
  'stats-pdf': PDF_FILTER,
};
