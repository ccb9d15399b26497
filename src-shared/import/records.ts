/**
 * One data row of a roster file → one record, or the reasons it cannot be one. Pure: the grid row in, the record
 * and its problems out. Duplicate keys across rows are the pipeline's business (pipeline.ts).
 */
import { entityTypeFromUscc } from '../domain/uscc';
import {
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
import { readEntityCodes, USCC_LABEL } from './entity-codes';
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
import type { ValueGuesses } from './value-guesses';

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
    private readonly values?: ValueGuesses,
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
    const normal = text.normalize('NFKC');
    const value = parse(normal);
    if (value === null) {
      this.add(key, 'error', `${key}.invalid`, `${this.label(key)}“${text}”无法识别，应为 ${allowed.join(' / ')}`);
      return undefined;
    }
    if (hasFullWidthAlnum(text)) {
      this.add(key, 'flag', 'value.fullWidth', `${this.label(key)}“${text}”含全角字符，已按“${value}”识别，请核对`);
    }
    return value === normal || !this.values?.listed(key) ? value : this.guessed(key, text, value);
  }

  /** A value read by synonym: noted for the preview, with the clerk's choice (another value, or none) applied. */
  private guessed<T extends string>(key: string, source: string, guess: T): T | undefined {
    const choice = this.values!.choice(key, source);
    const applied = choice === undefined ? guess : choice;
    this.values!.note(key, this.site(key).column ?? key, source, guess, applied);
    if (applied === null)
      this.add(key, 'error', 'value.declined', `${this.label(key)}为“${source}”的行按您的选择不导入`);
    // choiceMap admits only this field's own values.
    return (applied ?? undefined) as T | undefined;
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

/** Reads a row with `read`, its problems with it; null: the row is blank (skipped, no result). */
function rowBuilder<R>(read: (r: RowReader) => R) {
  return (detection: HeaderDetection, row: GridRow, values?: ValueGuesses): RowOutcome<R> | null => {
    const r = new RowReader(detection, row, values);
    if (r.mappedCellsBlank()) return null;
    return finish(r, read(r));
  };
}

export const buildEntity = rowBuilder<EntityRecord>((r) => {
  const { uscc, regNo } = readEntityCodes(r);

  const entityType = readEntityType(r, uscc);
  const name = readEntityName(r, entityType);
  const creditGrade = r.enumValue('creditGrade', parseCreditGrade, ['A', 'B', 'C', 'D']);
  const regStatus = r.enumValue('regStatus', parseRegStatus, ['存续', '注销', '吊销']);

  return {
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
});

/** What an inspector's and an expert's rows share, read in the order their problems are listed. */
function readPerson<S extends string>(
  r: RowReader,
  codeKey: string,
  unitKey: string,
  parseStatus: (text: string) => S | null,
  statuses: readonly string[],
) {
  const code = requiredCode(r, codeKey) ?? '';
  const name = requiredPersonName(r);
  const status = r.enumValue('status', parseStatus, statuses);
  return { code, name, status, unit: r.line(unitKey), tags: r.tags('tags'), phone: r.phone('phone') };
}

export const buildInspector = rowBuilder<InspectorRecord>((r) => {
  const p = readPerson(r, 'badgeNo', 'office', parseInspectorStatus, INSPECTOR_STATUSES);
  return { name: p.name, badgeNo: p.code, office: p.unit, tags: p.tags, status: p.status ?? '在岗', phone: p.phone };
});

export const buildExpert = rowBuilder<ExpertRecord>((r) => {
  const p = readPerson(r, 'idOrCertNo', 'organisation', parseExpertStatus, EXPERT_STATUSES);
  return {
    name: p.name,
    idOrCertNo: p.code,
    organisation: p.unit,
    tags: p.tags,
    phone: p.phone,
    status: p.status ?? '在库',
  };
});

/** An inspector's or expert's 姓名: a row without one is refused (unless the cell already has its own problem). */
function requiredPersonName(r: RowReader): string {
  const name = r.line('name');
  if (!name && !r.problems.some((p) => p.field === 'name')) r.add('name', 'error', 'name.missing', '姓名为空');
  return name;
}

/** A key code with no alternative: damaged or missing rejects the row. */
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
