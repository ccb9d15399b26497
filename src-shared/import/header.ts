/**
 * Finding the header in a messy sheet and mapping its columns. Exports put a title row above it, and lists use two-row
 * headers ("抽查项目" over "抽查类别 | 抽查事项"), so every one- and two-row candidate among the first rows is scored by the
 * distinct fields it names, and the best is kept.
 */
import type { RosterKind } from '../domain/rosters';
import { AppError } from '../errors';
import { FIELDS_BY_KIND, normaliseHeader, type FieldSpec } from './fields';
import { columnLetter, type CellValue, type GridRow } from './grid';

/** How many leading rows may hold titles, notes and the header. */
export const HEADER_SEARCH_ROWS = 30;

/** Field key → 0-based column index. */
export type ColumnMapping = Record<string, number>;

export interface HeaderColumn {
  index: number;
  letter: string;
  /** The header text as shown: "抽查项目/抽查类别" for a two-row header, trimmed. */
  text: string;
}

export interface HeaderDetection {
  kind: RosterKind;
  /** Row numbers of the header (one or two rows). */
  headerRowNos: number[];
  /** First row after the header. */
  dataStartRowNo: number;
  /** Every column with header text. */
  columns: HeaderColumn[];
  mapping: ColumnMapping;
  /** Columns with header text that no field took. Their values are not imported. */
  unmapped: HeaderColumn[];
  /** Required fields with no column. A mapping with any cannot be imported. */
  missingRequired: string[];
  /** Identifies the file's shape (kind + header texts), to remember a confirmed mapping. */
  signature: string;
}

interface FieldMatch {
  key: string;
  /** 2 = a whole-text synonym, 1 = the header contains a synonym. */
  strength: 1 | 2;
  /** Length of the synonym that matched: longer is more specific. */
  specificity: number;
}

interface SynonymIndex {
  exact: Map<string, string>;
  /** Chinese synonyms for containment, longest first. */
  contained: { synonym: string; key: string }[];
}

const indexCache = new Map<RosterKind, SynonymIndex>();

function synonymIndex(kind: RosterKind): SynonymIndex {
  let index = indexCache.get(kind);
  if (index) return index;
  const exact = new Map<string, string>();
  const contained: { synonym: string; key: string }[] = [];
  for (const field of FIELDS_BY_KIND[kind]) {
    for (const raw of field.synonyms) {
      const synonym = normaliseHeader(raw);
      if (!exact.has(synonym)) exact.set(synonym, field.key);
      // Pinyin initials are matched only as the whole header: "zt" inside another word means nothing.
      if (/[\u0080-\uffff]/.test(synonym) && synonym.length >= 2) contained.push({ synonym, key: field.key });
    }
  }
  contained.sort((a, b) => b.synonym.length - a.synonym.length);
  index = { exact, contained };
  indexCache.set(kind, index);
  return index;
}

export function matchHeaderText(kind: RosterKind, text: string, allowContainment = true): FieldMatch | null {
  const normal = normaliseHeader(text);
  if (normal === '') return null;
  const index = synonymIndex(kind);
  const exactKey = index.exact.get(normal);
  if (exactKey) return { key: exactKey, strength: 2, specificity: normal.length };
  if (!allowContainment) return null;
  for (const { synonym, key } of index.contained) {
    if (normal.includes(synonym)) return { key, strength: 1, specificity: synonym.length };
  }
  return null;
}

export function headerCellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).replace(/\s+/g, ' ').trim();
}

interface Candidate {
  headerRowNos: number[];
  /** Per column, as shown to the user. */
  texts: string[];
  /** Per column, what is matched against the synonyms (a two-row header's bottom text alone, when it has one). */
  matchTexts: string[];
  /** Per column: may containment be used (false for a bottom-row text, which could be a data value). */
  containment: boolean[];
}

/** Assign each field at most one column: exact before contained, more specific first, then leftmost. */
function mapColumns(kind: RosterKind, candidate: Candidate): ColumnMapping {
  const matches: { column: number; match: FieldMatch }[] = [];
  candidate.matchTexts.forEach((text, column) => {
    const match = text ? matchHeaderText(kind, text, candidate.containment[column]) : null;
    if (match) matches.push({ column, match });
  });
  matches.sort(
    (a, b) => b.match.strength - a.match.strength || b.match.specificity - a.match.specificity || a.column - b.column,
  );
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const { column, match } of matches) {
    if (match.key in mapping || usedColumns.has(column)) continue;
    mapping[match.key] = column;
    usedColumns.add(column);
  }
  return mapping;
}

function ownText(row: GridRow, column: number): string {
  return row.inherited.includes(column) ? '' : headerCellText(row.cells[column] ?? null);
}

function oneRowCandidate(row: GridRow): Candidate {
  // A header cell merged across columns is a group label: it names its first column only.
  const texts = row.cells.map((_, c) => ownText(row, c));
  return { headerRowNos: [row.rowNo], texts, matchTexts: texts, containment: texts.map(() => true) };
}

function twoRowCandidate(top: GridRow, bottom: GridRow): Candidate {
  const width = Math.max(top.cells.length, bottom.cells.length);
  const texts: string[] = [];
  const matchTexts: string[] = [];
  const containment: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const below = ownText(bottom, c);
    // The top text may be inherited from a horizontal merge ("抽查项目" over two columns): keep it as the group.
    const above = headerCellText(top.cells[c] ?? null);
    if (below) {
      texts.push(above && above !== below ? `${above}/${below}` : below);
      matchTexts.push(below);
      containment.push(false);
    } else {
      // A bottom cell covered by a merge shows the merge's text: the top cell's, when the merge is vertical.
      const text = ownText(top, c) || (bottom.inherited.includes(c) ? headerCellText(bottom.cells[c] ?? null) : '');
      texts.push(text);
      matchTexts.push(text);
      containment.push(true);
    }
  }
  return { headerRowNos: [top.rowNo, bottom.rowNo], texts, matchTexts, containment };
}

interface BestHeader {
  candidate: Candidate;
  mapping: ColumnMapping;
  score: number;
}

/** The one- or two-row candidate among the first rows that names the most fields of this roster. */
function bestHeader(kind: RosterKind, leadingRows: readonly GridRow[]): BestHeader | null {
  const rows = leadingRows.slice(0, HEADER_SEARCH_ROWS);
  let best: BestHeader | null = null;
  const consider = (candidate: Candidate) => {
    const mapping = mapColumns(kind, candidate);
    const score = Object.keys(mapping).length;
    // Strictly better only: on a tie the earlier, shorter header wins.
    if (!best || score > best.score) best = { candidate, mapping, score };
  };
  for (let i = 0; i < rows.length; i++) {
    consider(oneRowCandidate(rows[i]));
    const next = rows[i + 1];
    // A title row (one text, usually merged across the sheet) is never the top of a two-row header.
    const ownTexts = rows[i].cells.filter((_, c) => ownText(rows[i], c) !== '').length;
    if (next && next.rowNo === rows[i].rowNo + 1 && ownTexts >= 2) consider(twoRowCandidate(rows[i], next));
  }
  return best;
}

/**
 * Find the header among the first rows of a sheet. Throws AppError('import.headerNotFound') when no row names
 * enough fields to be a header of this roster.
 */
export function detectHeader(kind: RosterKind, leadingRows: readonly GridRow[]): HeaderDetection {
  const fields = FIELDS_BY_KIND[kind];
  const found = bestHeader(kind, leadingRows);
  const requiredKeys = fields.filter((f) => f.required).map((f) => f.key);
  const enough =
    found !== null && (found.score >= 2 || (found.score >= 1 && requiredKeys.every((k) => k in found.mapping)));
  if (!found || !enough) {
    throw new AppError(
      'import.headerNotFound',
      `没有找到可识别的表头：前 ${HEADER_SEARCH_ROWS} 行中没有一行包含${kindFieldExamples(kind)}等列名。请确认选择的是${kindNoun(kind)}文件，或下载导入模板对照填写。`,
    );
  }
  return buildDetection(kind, found.candidate, found.mapping);
}

/** How well a sheet's best header names this roster's fields. */
export interface HeaderFit {
  /** Fields named. */
  score: number;
  /** Every required field is named by a whole header text (not by a header that merely contains a synonym). */
  requiredExact: boolean;
  /** The header texts that named the fields: the required ones first, then in column order. */
  named: string[];
}

export function headerFit(kind: RosterKind, leadingRows: readonly GridRow[]): HeaderFit {
  const found = bestHeader(kind, leadingRows);
  if (!found) return { score: 0, requiredExact: false, named: [] };
  const { candidate, mapping } = found;
  const required = FIELDS_BY_KIND[kind].filter((f) => f.required).map((f) => f.key);
  const requiredExact = required.every((key) => {
    const column = mapping[key];
    return column !== undefined && matchHeaderText(kind, candidate.matchTexts[column], false)?.key === key;
  });
  // The required columns first: they say most about what the file is.
  const columns = Object.entries(mapping)
    .sort(([a, ca], [b, cb]) => Number(required.includes(b)) - Number(required.includes(a)) || ca - cb)
    .map(([, c]) => candidate.matchTexts[c]);
  return { score: found.score, requiredExact, named: columns };
}

function buildDetection(kind: RosterKind, candidate: Candidate, mapping: ColumnMapping): HeaderDetection {
  const columns: HeaderColumn[] = [];
  candidate.texts.forEach((text, index) => {
    if (text) columns.push({ index, letter: columnLetter(index), text });
  });
  return withMapping(
    {
      kind,
      headerRowNos: candidate.headerRowNos,
      dataStartRowNo: candidate.headerRowNos[candidate.headerRowNos.length - 1] + 1,
      columns,
      mapping: {},
      unmapped: [],
      missingRequired: [],
      signature: shapeSignature(kind, columns),
    },
    mapping,
  );
}

/**
 * The detection with another mapping (the user's, from the mapping dialog, or a remembered one). Unknown field
 * keys are dropped; a column may serve one field only.
 */
export function withMapping(detection: HeaderDetection, mapping: ColumnMapping): HeaderDetection {
  const fields = FIELDS_BY_KIND[detection.kind];
  const known = new Set(fields.map((f) => f.key));
  const clean: ColumnMapping = {};
  const used = new Set<number>();
  for (const [key, column] of Object.entries(mapping)) {
    if (!known.has(key) || !Number.isInteger(column) || column < 0 || used.has(column)) continue;
    clean[key] = column;
    used.add(column);
  }
  return {
    ...detection,
    mapping: clean,
    unmapped: detection.columns.filter((c) => !used.has(c.index)),
    missingRequired: fields.filter((f) => f.required && !(f.key in clean)).map((f) => f.key),
  };
}

/**
 * kind + the normalised header texts by position, hashed (FNV-1a 64). Two files from the same export have the same
 * signature; adding, removing or renaming a column changes it.
 */
export function shapeSignature(kind: RosterKind, columns: readonly HeaderColumn[]): string {
  const text = [kind, ...columns.map((c) => `${c.letter}=${normaliseHeader(c.text)}`)].join('\u0001');
  return `${kind}:${fnv1a64(text)}`;
}

function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** "C 统一社会信用代码" — how problems name a column. */
export function columnDescription(detection: HeaderDetection, column: number): string {
  const header = detection.columns.find((c) => c.index === column);
  return header ? `${header.letter} ${header.text}` : columnLetter(column);
}

export function fieldSpec(kind: RosterKind, key: string): FieldSpec | undefined {
  return FIELDS_BY_KIND[kind].find((f) => f.key === key);
}

function kindNoun(kind: RosterKind): string {
  return { items: '抽查事项清单', entities: '检查对象名录', inspectors: '执法检查人员名录', experts: '专家名录' }[kind];
}

function kindFieldExamples(kind: RosterKind): string {
  return {
    items: '“抽查事项”“检查对象”“检查依据”',
    entities: '“统一社会信用代码”“名称”“住所”',
    inspectors: '“姓名”“执法证号”“所属单位”',
    experts: '“姓名”“证件号码”“工作单位”',
  }[kind];
}
