import type { Channel, Res } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { Services } from '../services';

export type Handlers = { [C in Channel]: (req: ParsedReq<C>) => Promise<Res<C>> | Res<C> };

/** Thin: each channel is one service call. Logic lives in services, validation in the schemas. */
export function createHandlers(s: Services): Handlers {
  return {
    'app:info': () => s.app.info(),
    'settings:get': () => s.settings.get(),
    'settings:set': (req) => s.settings.set(req),
    'audit:list': (req) => s.audit.list(req),
    'dialog:open-file': () =>
      s.files.choose({ mode: 'open', title: '选择要导入的文件', filters: [{ name: 'Excel 或 CSV 文件', extensions: ['xlsx', 'xls', 'csv', 'txt'] }] }),
    'dialog:save-file': (req) =>
      s.files.choose({ mode: 'save', title: SAVE_TITLES[req.purpose], defaultName: req.defaultName, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }),
    'roster:query': (req) => s.rosters.query(req),
    'roster:filter-options': (req) => s.rosters.filterOptions(req.roster),
    'roster:update': (req) => s.rosters.update(req),
    'roster:bulk-update': (req) => s.rosters.bulkUpdate(req),
    'roster:import-detect': (req) => s.rosters.importDetect(req),
    'roster:import-preview': (req) => s.rosters.importPreview(req),
    'roster:import-confirm': (req) => s.rosters.importConfirm(req),
    'roster:import-cancel': (req) => s.rosters.importCancel(req.jobId),
    'roster:import-rejections': (req) => s.rosters.importRejections(req),
    'job:progress': (req) => s.rosters.jobProgress(req.jobId),
    'roster:export': (req) => s.rosters.exportView(req),
    'roster:template': (req) => s.rosters.template(req),
    'items:query': (req) => s.items.query(req),
    'items:get': (req) => s.items.get(req.id),
    'demo:load': (req) => s.demo.load(req.entities),
    // 一单两库 pages (issue 3)
    'items:update-sub-items': (req) => s.items.updateSubItems(req),
  };
}

const SAVE_TITLES = { import: '保存', export: '导出名录', template: '保存导入模板', rejections: '保存导入问题清单' } as const;
