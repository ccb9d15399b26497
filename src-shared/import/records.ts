/**
 * One data row of a roster file → one record, or the reasons it cannot be one. Pure: the grid row in, the record
 * and its problems out. Duplicate keys across rows are the pipeline's business (pipeline.ts).
 */
import { checkRegNo, checkUscc, entityTypeFromUscc } from '../domain/uscc';
import {
  ENTITY_FIELD_LABELS,
  ENTITY_TYPES,
  EXPERT_STATUSES,
  INSPECTOR_STATUSES,
  type EntityRecord,
  type EntityType,
  type ExpertRecord,
  type InspectorRecord,
} from '../domain/rosters';
import {
  parseCreditGrade,
  parseEntityType,
  parseExpertStatus,
  parseInspectorStatus,
  parseRegStatus,
} from './enum-parsers';
import { entityNameOf } from './entity-name';
import { FIELDS_BY_KIND, type FieldSpec } from './fields';
import { columnDescription, type HeaderDetection } from './header';
import { isBlank, type CellValue, type GridRow } from './grid';
import { problem, type ImportProblem, type ProblemSeverity, type ProblemSite } from './problems';
import {
  hasFullWidthAlnum,
  normaliseLine,
  normaliseMultiline,
  rawCellText,
  readCodeCell,
  readDateCell,
  readPhoneCell,
  splitTags,
  type CodeCell,
} from './values';

export * from './enum-parsers';

export interface RowOutcome<R> {
  record: R | null;
  problems: ImportProblem[];
}

/** Longest single tag. */
export const MAX_TAG_LENGTH = 50;

const specsByKind = new Map<string, Map<string, FieldSpec>>();
function specsOf(kind: string): Map<string, FieldSpec> {
  let specs = specsByKind.get(kind);
  if (!specs) {
    specs = new Map(FIELDS_BY_KIND[kind as keyof typeof FIELDS_BY_KIND].map((f) => [f.key, f]));
    specsByKind.set(kind, specs);
  }
  return specs;
}

/** The mapped columns of a detection, computed once per file rather than once per row. */
const mappedColumnsCache = new WeakMap<HeaderDetection, number[]>();
function mappedColumns(detection: HeaderDetection): number[] {
  let columns = mappedColumnsCache.get(detection);
  if (!columns) {
    columns = Object.values(detection.mapping);
    mappedColumnsCache.set(detection, columns);
  }
  return columns;
}

/** Reads the mapped cells of one row, collecting problems as it goes. One per row: keep it cheap. */
export class RowReader {
  readonly problems: ImportProblem[] = [];
  private readonly specs: Map<string, FieldSpec>;

  constructor(
    readonly detection: HeaderDetection,
    readonly row: GridRow,
  ) {
    this.specs = specsOf(detection.kind);
  }

  site(key: string | null): ProblemSite {
    const column = key === null ? undefined : this.detection.mapping[key];
    return {
      row: this.row.rowNo,
      column: column === undefined ? null : columnDescription(this.detection, column),
      field: key,
    };
  }

  add(key: string | null, severity: ProblemSeverity, code: string, reason: string): void {
    this.problems.push(problem(this.site(key), severity, code, reason));
  }

  label(key: string): string {
    return this.specs.get(key)?.label ?? key;
  }

  /** The raw cell of a field; null when the field has no column or the cell is empty. */
  cell(key: string): CellValue {
    const column = this.detection.mapping[key];
    if (column === undefined) return null;
    return this.row.cells[column] ?? null;
  }

  /** True when every mapped cell is blank: such a row is skipped, not reported. */
  mappedCellsBlank(): boolean {
    for (const c of mappedColumns(this.detection)) if (!isBlank(this.row.cells[c] ?? null)) return false;
    return true;
  }

  /** Length check before anything else: a 1 MB cell is refused without being normalised or copied. */
  withinLength(key: string, text: string): boolean {
    const max = this.specs.get(key)?.maxLength ?? 1000;
    if (text.length <= max) return true;
    this.add(key, 'error', 'value.tooLong', `${this.label(key)}过长（${text.length} 个字符，最多 ${max} 个）`);
    return false;
  }

  /** One-line text (names, offices). '' when empty or too long (the too-long error is recorded). */
  line(key: string): string {
    const raw = rawCellText(this.cell(key));
    if (!this.withinLength(key, raw)) return '';
    return normaliseLine(raw);
  }

  /** Multi-line text (basis, targets) with its lines kept. */
  multiline(key: string): string {
    const raw = rawCellText(this.cell(key));
    if (!this.withinLength(key, raw)) return '';
    return normaliseMultiline(raw);
  }

  /** An ID-like cell, with the length checked first ('tooLong': the error is already recorded). */
  code(key: string): CodeCell | { status: 'tooLong' } {
    const value = this.cell(key);
    if (typeof value === 'string' && !this.withinLength(key, value.trim())) return { status: 'tooLong' };
    return readCodeCell(value);
  }

  tags(key: string): string[] {
    const text = this.multiline(key);
    const tags = splitTags(text);
    for (const tag of tags) {
      if (tag.length > MAX_TAG_LENGTH) {
        this.add(key, 'error', 'tags.tooLong', `标签“${tag.slice(0, 20)}…”过长（最多 ${MAX_TAG_LENGTH} 个字符）`);
        return [];
      }
    }
    return tags;
  }

  phone(key: string): string {
    const raw = this.cell(key);
    if (typeof raw === 'string' && !this.withinLength(key, raw)) return '';
    const phone = readPhoneCell(raw);
    if (phone.status === 'damaged') {
      this.add(key, 'flag', 'phone.floatDamaged', `${phone.reason}；本行已导入，电话留空`);
      return '';
    }
    if (phone.warning) this.add(key, 'flag', 'phone.suspect', phone.warning);
    return phone.phone;
  }

  /** An enum cell: text → value by `parse`; null when empty; an error when unrecognised. */
  enumValue<T extends string>(
    key: string,
    parse: (text: string) => T | null,
    allowed: readonly string[],
  ): T | null | undefined {
    const raw = rawCellText(this.cell(key));
    if (!this.withinLength(key, raw)) return undefined;
    const text = normaliseLine(raw);
    if (text === '') return null;
    const value = parse(text.normalize('NFKC'));
    if (value === null) {
      this.add(key, 'error', `${key}.invalid`, `${this.label(key)}“${text}”无法识别，应为 ${allowed.join(' / ')}`);
      return undefined;
    }
    if (hasFullWidthAlnum(text)) {
      this.add(key, 'flag', 'value.fullWidth', `${this.label(key)}“${text}”含全角字符，已按“${value}”识别，请核对`);
    }
    return value;
  }

  date(key: string): string | null {
    const value = this.cell(key);
    const iso = readDateCell(value);
    if (iso === undefined) {
      this.add(
        key,
        'flag',
        'date.invalid',
        `${this.label(key)}“${rawCellText(value).slice(0, 40)}”不是有效日期，已留空`,
      );
      return null;
    }
    return iso;
  }
}

// ---- the rosters ----

const USCC_LABEL = ENTITY_FIELD_LABELS.uscc;
const REG_NO_LABEL = ENTITY_FIELD_LABELS.regNo;

function usccShapeReason(code: string, problemKind: 'length' | 'characters'): string {
  return problemKind === 'length'
    ? `${USCC_LABEL}“${code}”应为 18 位（现为 ${code.length} 位）`
    : `${USCC_LABEL}“${code}”含有不允许的字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）`;
}

/**
 * The entity's codes: a USCC whose check digit fails is kept with a flag; a refused code falls back on the other
 * one (flagged) or rejects the row when there is none.
 */
function readEntityCodes(r: RowReader): { uscc: string | null; regNo: string | null } {
  let usccCell = r.code('uscc');
  let regNoCell = r.code('regNo');
  // County exports often have one "统一社会信用代码/注册号" column: a 15-digit value there is the 注册号.
  if (usccCell.status === 'ok' && /^[0-9]{15}$/.test(usccCell.code) && regNoCell.status === 'empty') {
    regNoCell = usccCell;
    usccCell = { status: 'empty' };
  }

  let uscc: string | null = null;
  let usccRefused: string | null = null;
  if (usccCell.status === 'ok') {
    const check = checkUscc(usccCell.code);
    if (check.ok) uscc = usccCell.code;
    else if (check.problem === 'checkDigit') {
      uscc = usccCell.code;
      r.add(
        'uscc',
        'flag',
        'uscc.checkDigit',
        `${USCC_LABEL}“${usccCell.code}”校验码不符（按 GB 32100-2015 应为 ${check.expectedCheckChar}）。早期发放的代码可能如此，请核对后决定是否接受`,
      );
    } else usccRefused = usccShapeReason(usccCell.code, check.problem);
  } else if (usccCell.status === 'damaged') usccRefused = usccCell.reason;

  let regNo: string | null = null;
  let regNoRefused: string | null = null;
  if (regNoCell.status === 'ok') {
    regNo = regNoCell.code;
    const check = checkRegNo(regNoCell.code);
    if (!check.ok) {
      const reason =
        check.problem === 'shape'
          ? `${REG_NO_LABEL}“${regNo}”不是 15 位数字，请核对`
          : `${REG_NO_LABEL}“${regNo}”校验位不符（应为 ${check.expectedCheckDigit}），请核对`;
      r.add('regNo', 'flag', `regNo.${check.problem}`, reason);
    }
  } else if (regNoCell.status === 'damaged') regNoRefused = regNoCell.reason;

  const tooLongCode = usccCell.status === 'tooLong' || regNoCell.status === 'tooLong';
  if (usccRefused) {
    if (regNo) r.add('uscc', 'flag', 'uscc.refused', `${usccRefused}。该代码不会保存，本行按注册号 ${regNo} 导入`);
    else r.add('uscc', 'error', 'uscc.refused', `${usccRefused}。本行没有注册号可作替代，未导入`);
  }
  if (regNoRefused) {
    if (uscc) r.add('regNo', 'flag', 'regNo.refused', `${regNoRefused}。该注册号不会保存`);
    else r.add('regNo', 'error', 'regNo.refused', `${regNoRefused}。本行没有可用的统一社会信用代码，未导入`);
  }
  if (!uscc && !regNo && !usccRefused && !regNoRefused && !tooLongCode) {
    r.add(null, 'error', 'entity.noId', `缺少${USCC_LABEL}和${REG_NO_LABEL}，无法确定是哪一户`);
  }

  return { uscc, regNo };
}

/** The 主体类型 as written, or as the USCC tells it when the cell is empty. */
function readEntityType(r: RowReader, uscc: string | null): EntityType | null | undefined {
  const entityType = r.enumValue('entityType', parseEntityType, ENTITY_TYPES);
  if (entityType !== null) return entityType;
  const inferred = uscc ? entityTypeFromUscc(uscc) : null;
  if (inferred === null) {
    r.add(
      'entityType',
      'error',
      'entityType.missing',
      `主体类型为空，且无法从${USCC_LABEL}推断，应为 ${ENTITY_TYPES.join(' / ')}`,
    );
  }
  return inferred;
}

/** The 名称, or one built from the 经营者 for a 个体工商户 without a 字号 (flagged); refused otherwise. */
function readEntityName(r: RowReader, entityType: EntityType | null | undefined) {
  const name = r.line('name');
  const operator = r.line('legalRep');
  const read = { name, operator, fromOperator: false };
  if (r.problems.some((p) => p.field === 'name' || p.field === 'legalRep')) return read;
  const outcome = entityNameOf(name, operator, entityType ?? null);
  if (!outcome.ok) {
    r.add('name', 'error', 'name.missing', outcome.reason);
    return read;
  }
  if (outcome.flag) r.add('name', 'flag', 'name.fromOperator', outcome.flag);
  return { name: outcome.name, operator, fromOperator: outcome.fromOperator };
}

/** null: the row is blank (skipped, no result). */
export function buildEntity(detection: HeaderDetection, row: GridRow): RowOutcome<EntityRecord> | null {
  const r = new RowReader(detection, row);
  if (r.mappedCellsBlank()) return null;
  const { uscc, regNo } = readEntityCodes(r);

  const entityType = readEntityType(r, uscc);
  const name = readEntityName(r, entityType);
  const creditGrade = r.enumValue('creditGrade', parseCreditGrade, ['A', 'B', 'C', 'D']);
  const regStatus = r.enumValue('regStatus', parseRegStatus, ['存续', '注销', '吊销']);

  const record: EntityRecord = {
    uscc,
    regNo,
    name: name.name,
    nameFromOperator: name.fromOperator,
    entityType: entityType ?? '企业',
    industry: r.line('industry'),
    address: r.line('address'),
    area: r.line('area'),
    office: r.line('office'),
    legalRep: name.operator,
    phone: r.phone('phone'),
    creditGrade: creditGrade ?? null,
    regStatus: regStatus ?? '存续',
    tags: r.tags('tags'),
    lastInspectedOn: r.date('lastInspectedOn'),
  };
  return finish(r, record);
}

export function buildInspector(detection: HeaderDetection, row: GridRow): RowOutcome<InspectorRecord> | null {
  const r = new RowReader(detection, row);
  if (r.mappedCellsBlank()) return null;
  const badgeNo = requiredCode(r, 'badgeNo');
  const name = requiredPersonName(r);
  const status = r.enumValue('status', parseInspectorStatus, INSPECTOR_STATUSES);
  const record: InspectorRecord = {
    name,
    badgeNo: badgeNo ?? '',
    office: r.line('office'),
    tags: r.tags('tags'),
    status: status ?? '在岗',
    phone: r.phone('phone'),
  };
  return finish(r, record);
}

export function buildExpert(detection: HeaderDetection, row: GridRow): RowOutcome<ExpertRecord> | null {
  const r = new RowReader(detection, row);
  if (r.mappedCellsBlank()) return null;
  const idOrCertNo = requiredCode(r, 'idOrCertNo');
  const name = requiredPersonName(r);
  const status = r.enumValue('status', parseExpertStatus, EXPERT_STATUSES);
  const record: ExpertRecord = {
    name,
    idOrCertNo: idOrCertNo ?? '',
    organisation: r.line('organisation'),
    tags: r.tags('tags'),
    phone: r.phone('phone'),
    status: status ?? '在库',
  };
  return finish(r, record);
}

/** A key code with no alternative: damaged or missing rejects the row. */
/** An inspector's or expert's 姓名: a row without one is refused (unless the cell already has its own problem). */
function requiredPersonName(r: RowReader): string {
  const name = r.line('name');
  if (!name && !r.problems.some((p) => p.field === 'name')) r.add('name', 'error', 'name.missing', '姓名为空');
  return name;
}

function requiredCode(r: RowReader, key: string): string | null {
  const cell = r.code(key);
  if (cell.status === 'ok') return cell.code;
  if (cell.status === 'tooLong') return null;
  if (cell.status === 'damaged') {
    r.add(key, 'error', cell.code, `${r.label(key)}：${cell.reason}。未导入`);
    return null;
  }
  r.add(key, 'error', `${key}.missing`, `${r.label(key)}为空`);
  return null;
}

function finish<R>(r: RowReader, record: R): RowOutcome<R> {
  const rejected = r.problems.some((p) => p.severity === 'error');
  return { record: rejected ? null : record, problems: r.problems };
}
