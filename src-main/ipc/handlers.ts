import type { Channel, Res } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { Services } from '../app/services';

export type Handlers = { [C in Channel]: (req: ParsedReq<C>) => Promise<Res<C>> | Res<C> };

/** Thin: each channel is one service call. Logic lives in services, validation in the schemas. */
export function createHandlers(s: Services): Handlers {
  return {
    'app:info': () => s.app.info(),
    'settings:get': () => s.settings.get(),
    'settings:set': (req) => s.settings.set(req),
    'audit:list': (req) => s.audit.list(req),
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
    'items:update-sub-items': (req) => s.items.updateSubItems(req),
    'plans:list': (req) => s.plans.list(req.year),
    'plans:get': (req) => s.plans.get(req.id),
    'plans:save': (req) => s.plans.save(req),
    'plans:publish': (req) => s.plans.publish(req.id),
    'plans:versions': (req) => s.plans.versions(req.id),
    'plans:export': (req) => s.plans.exportPlan(req),
    'tasks:list': (req) => s.tasks.list(req.planId),
    'tasks:get': (req) => s.tasks.get(req.id),
    'tasks:save': (req) => s.tasks.save(req),
    'tasks:scope-preview': (req) => s.tasks.scopePreview(req),
    'draws:prepare': (req) => s.draws.prepare(req),
    'draws:commit': (req) => s.draws.commit(req),
    'draws:witness': (req) => s.draws.witness(req),
    'draws:reveal': (req) => s.draws.reveal(req),
    'draws:seal': (req) => s.draws.seal(req),
    'draws:void': (req) => s.draws.void(req),
    'draws:amend': (req) => s.draws.amend(req),
    'draws:get': (req) => s.draws.get(req),
    'draws:ceremony-state': (req) => s.draws.ceremonyState(req),
    'draws:export-proof': (req) => s.draws.exportProof(req),
    'draws:export-record': (req) => s.draws.exportRecord(req),
    'visits:proposals': (req) => s.visits.proposals(req),
    'visits:merge': (req) => s.visits.merge(req),
    'ceremony:open': (req) => s.ceremony.open(req.taskId),
  };
}

const SAVE_TITLES = {
  import: '保存',
  export: '导出名录',
  template: '保存导入模板',
  rejections: '保存导入问题清单',
  'plan-xlsx': '导出公示计划(Excel)',
  'plan-pdf': '导出公示计划(PDF)',
  proof: '导出抽取记录(可验证)',
  record: '导出随机抽取情况记录表',
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
  proof: [{ name: '抽取记录(JSON)', extensions: ['json'] }],
  record: PDF_FILTER,
};
