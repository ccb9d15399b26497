/**
 * The item list (随机抽查事项清单): rows → items. A published list is a hierarchy drawn with merged cells; a row under a merged
 * (or blank) 抽查事项 continues the current item, each own cell appended as a new line so nothing printed is lost. The full
 * rules (carried-down cells, sub-items) are in docs/design-notes.md.
 */
import {
  CHECK_METHOD_KINDS,
  ITEM_LEVELS,
  type CheckMethodKind,
  type ItemLevel,
  type ItemRecord,
  type ItemSubItem,
} from '../domain/rosters';
import { columnDescription, type HeaderDetection } from './header';
import { isBlank, type GridRow } from './grid';
import { RowReader } from './records';
import { type ImportProblem } from './problems';

export interface AssembledItem {
  rowNo: number;
  lastRowNo: number;
  record: ItemRecord | null;
  problems: ImportProblem[];
}

/** Fields whose continuation-row text is appended as extra lines. */
const LINE_FIELDS = ['targets', 'method', 'authority', 'basis', 'remarks'] as const;
type LineField = (typeof LINE_FIELDS)[number];
/** Fields that carry down from the item above when blank. */
const CARRIED_FIELDS = ['compiler', 'seqNo', 'category', 'checkType'] as const;
type CarriedField = (typeof CARRIED_FIELDS)[number];
/** A blank 抽查事项 next to a new one of these is a broken line, not a continuation. */
const GROUP_FIELDS = ['compiler', 'seqNo', 'checkType'] as const;

interface ItemDraft {
  rowNo: number;
  lastRowNo: number;
  carried: Record<CarriedField, string>;
  name: string;
  lines: Record<LineField, string[]>;
  levels: { row: number; text: string; level: ItemLevel | null }[];
  subItems: { content: string; basis: string[]; method: string[] }[];
  problems: ImportProblem[];
}

export function parseItemLevel(text: string): ItemLevel | null {
  if (/重点/.test(text)) return '重点';
  if (/一般|普通/.test(text)) return '一般';
  return null;
}

/** Which of the four 检查方式 a published method text names. */
export function methodKindsOf(text: string): CheckMethodKind[] {
  const found = new Set<CheckMethodKind>();
  if (/(?<!非)现场|实地|现场查看|入户/.test(text)) found.add('实地');
  if (/书面|查阅|资料|备案审查|调账|自查|台账|核查材料/.test(text)) found.add('书面');
  if (/网络|线上|互联网|在线|信息系统/.test(text)) found.add('网络监测');
  if (/专业机构|委托|检验|检测|抽样|鉴定|第三方/.test(text)) found.add('委托专业机构');
  return CHECK_METHOD_KINDS.filter((k) => found.has(k));
}

export class ItemAssembler {
  private current: ItemDraft | null = null;
  private carried: Record<CarriedField, string> = { compiler: '', seqNo: '', category: '', checkType: '' };
  private readonly hasContentColumn: boolean;

  constructor(private readonly detection: HeaderDetection) {
    this.hasContentColumn = 'content' in detection.mapping;
  }

  /** Feed one data row; returns the item it completed, if it started a new one. */
  push(row: GridRow): AssembledItem[] {
    const r = new RowReader(this.detection, row);
    if (r.mappedCellsBlank()) return [];
    const nameColumn = this.detection.mapping.name;
    const nameIsOwn = !row.inherited.includes(nameColumn) && !isBlank(row.cells[nameColumn] ?? null);
    if (nameIsOwn) {
      const done = this.flush();
      this.start(r);
      return done;
    }
    if (!this.current) {
      // Rows above the first item that are not blank: a note or a sub-header. Name them, do not guess.
      r.add('name', 'error', 'item.noName', '抽查事项为空，且上方没有可归属的事项');
      return [{ rowNo: row.rowNo, lastRowNo: row.rowNo, record: null, problems: r.problems }];
    }
    const startsNewGroup = GROUP_FIELDS.some((key) => {
      const column = this.detection.mapping[key];
      return column !== undefined && !row.inherited.includes(column) && !isBlank(row.cells[column] ?? null);
    });
    if (startsNewGroup && !row.inherited.includes(nameColumn)) {
      // A new 序号 or 抽查类别 with no 抽查事项 is a broken line, not a continuation of the item above.
      r.add('name', 'error', 'item.noName', '抽查事项为空（本行有新的编制单位、序号或抽查类别，不能并入上一事项）');
      // Close the item above first so results stay in file order.
      return [...this.flush(), { rowNo: row.rowNo, lastRowNo: row.rowNo, record: null, problems: r.problems }];
    }
    this.continueWith(r);
    return [];
  }

  finish(): AssembledItem[] {
    return this.flush();
  }

  private start(r: RowReader): void {
    for (const key of CARRIED_FIELDS) {
      const value = r.line(key);
      if (value) this.carried[key] = value;
    }
    const draft: ItemDraft = {
      rowNo: r.row.rowNo,
      lastRowNo: r.row.rowNo,
      carried: { ...this.carried },
      name: r.line('name'),
      lines: { targets: [], method: [], authority: [], basis: [], remarks: [] },
      levels: [],
      subItems: [],
      problems: r.problems,
    };
    this.current = draft;
    this.absorb(r, draft, true);
  }

  private continueWith(r: RowReader): void {
    const draft = this.current!;
    draft.lastRowNo = r.row.rowNo;
    // A continuation row under a merged 抽查事项 that prints its own, different 抽查类别 (or 编制单位, 序号)
    // contradicts the merge. Say so rather than drop the text without a word.
    for (const key of CARRIED_FIELDS) {
      const column = this.detection.mapping[key];
      if (column === undefined || r.row.inherited.includes(column)) continue;
      const value = r.line(key);
      if (value && value !== draft.carried[key]) {
        r.add(
          key,
          'flag',
          'item.conflict',
          `本行${r.label(key)}“${value}”与所属事项（第 ${draft.rowNo} 行）的“${draft.carried[key]}”不同，已按所属事项导入，请核对`,
        );
      }
    }
    this.absorb(r, draft, false);
    draft.problems.push(...r.problems);
  }

  /** Take the row's text into the draft: all of it on the first row, own cells only on continuation rows. */
  private absorb(r: RowReader, draft: ItemDraft, firstRow: boolean): void {
    const row = r.row;
    const take = (key: string): boolean => {
      const column = this.detection.mapping[key];
      if (column === undefined) return false;
      return firstRow || !row.inherited.includes(column);
    };
    const rowLines: Partial<Record<LineField, string>> = {};
    for (const key of LINE_FIELDS) {
      if (!take(key)) continue;
      const text = r.multiline(key);
      if (!text) continue;
      rowLines[key] = text;
      if (!draft.lines[key].includes(text)) draft.lines[key].push(text);
    }
    if (take('level')) {
      const text = r.line('level');
      if (text) draft.levels.push({ row: row.rowNo, text, level: parseItemLevel(text) });
    }
    if (this.hasContentColumn) {
      const content = take('content') ? r.multiline('content') : '';
      if (content) {
        draft.subItems.push({
          content,
          basis: rowLines.basis ? [rowLines.basis] : [],
          method: rowLines.method ? [rowLines.method] : [],
        });
      } else if (draft.subItems.length > 0) {
        // More lines of the sub-item above (its content cell merged down or left blank).
        const last = draft.subItems[draft.subItems.length - 1];
        if (rowLines.basis && !last.basis.includes(rowLines.basis)) last.basis.push(rowLines.basis);
        if (rowLines.method && !last.method.includes(rowLines.method)) last.method.push(rowLines.method);
      }
    }
  }

  private flush(): AssembledItem[] {
    const draft = this.current;
    if (!draft) return [];
    this.current = null;
    const problems = draft.problems;
    const site = { row: draft.rowNo, column: null, field: null };
    const levelColumn = this.detection.mapping.level;
    const levelSite = {
      row: draft.rowNo,
      column: levelColumn === undefined ? null : columnDescription(this.detection, levelColumn),
      field: 'level',
    };

    let level: ItemLevel = '一般';
    const unknown = draft.levels.filter((l) => l.level === null);
    for (const bad of unknown) {
      problems.push({
        ...levelSite,
        row: bad.row,
        severity: 'error',
        code: 'level.invalid',
        reason: `事项类别“${bad.text}”无法识别，应为 ${ITEM_LEVELS.map((l) => `${l}检查事项`).join(' / ')}`,
      });
    }
    const known = [...new Set(draft.levels.map((l) => l.level).filter((l): l is ItemLevel => l !== null))];
    if (known.includes('重点')) level = '重点';
    if (known.length > 1) {
      problems.push({
        ...levelSite,
        severity: 'flag',
        code: 'level.mixed',
        reason: `该事项各行的事项类别不一致（${draft.levels.map((l) => `第 ${l.row} 行：${l.text}`).join('；')}），已按重点检查事项导入，请核对`,
      });
    } else if (draft.levels.length === 0 && levelColumn !== undefined) {
      problems.push({
        ...levelSite,
        severity: 'flag',
        code: 'level.missing',
        reason: '事项类别为空，已按一般检查事项导入',
      });
    }
    if (!draft.name && !problems.some((p) => p.field === 'name'))
      problems.push({ ...site, field: 'name', severity: 'error', code: 'item.noName', reason: '抽查事项为空' });

    const basis = draft.lines.basis.join('\n');
    const method = draft.lines.method.join('\n');
    const subItems: ItemSubItem[] =
      draft.subItems.length > 0
        ? draft.subItems.map((s) => ({
            content: s.content,
            basis: s.basis.length > 0 ? s.basis.join('\n') : basis,
            method: s.method.length > 0 ? s.method.join('\n') : method,
          }))
        : [{ content: draft.name, basis, method }];

    const record: ItemRecord = {
      compiler: draft.carried.compiler,
      seqNo: draft.carried.seqNo,
      category: draft.carried.category,
      checkType: draft.carried.checkType,
      name: draft.name,
      targets: draft.lines.targets.join('\n'),
      level,
      method,
      methodKinds: methodKindsOf(method),
      authority: draft.lines.authority.join('\n'),
      basis,
      remarks: draft.lines.remarks.join('\n'),
      subItems,
    };
    const rejected = problems.some((p) => p.severity === 'error');
    return [{ rowNo: draft.rowNo, lastRowNo: draft.lastRowNo, record: rejected ? null : record, problems }];
  }
}
