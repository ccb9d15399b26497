/**
 * What the Excel record sheet and its reader agree on. Identifiers live in hidden column G, since hidden columns and
 * cell text survive a re-save by Excel, WPS and LibreOffice where custom XML parts often do not; G1 holds each marker's
 * SHA-256 with its row number, so a sorted, inserted or deleted row is seen on reading back.
 */
import { createHash } from 'node:crypto';

export const LAYOUT_VERSION = 'ssj-sheet/1';
/** Visible columns A–F; the values to fill are in E (a choice) and F (free text); G holds the markers. */
export const CHOICE_COL = 5;
export const TEXT_COL = 6;
export const ID_COL = 7;
export const LAST_VISIBLE = 'F';

export const YES = '是';
export const NO = '否';

/** What a hidden marker says its row is. */
export type Marker =
  | { kind: 'inspectedOn' }
  | { kind: 'deadline' }
  | { kind: 'member'; id: string }
  | { kind: 'row'; itemId: number; subItemId: number }
  | { kind: 'method' | 'category' | 'followUp'; index: number }
  | { kind: 'endState' }
  | { kind: 'note' };

export function markerText(m: Marker): string {
  switch (m.kind) {
    case 'member':
      return `member:${m.id}`;
    case 'row':
      return `row:${m.itemId}:${m.subItemId}`;
    case 'method':
    case 'category':
    case 'followUp':
      return `${m.kind}:${m.index}`;
    default:
      return m.kind;
  }
}

export function parseMarker(text: string): Marker | null {
  const [kind, a, b] = text.split(':');
  switch (kind) {
    case 'inspectedOn':
    case 'deadline':
    case 'endState':
    case 'note':
      return { kind };
    case 'member':
      return a ? { kind, id: text.slice('member:'.length) } : null;
    case 'row':
      return /^-?\d+$/.test(a ?? '') && /^-?\d+$/.test(b ?? '')
        ? { kind, itemId: Number(a), subItemId: Number(b) }
        : null;
    case 'method':
    case 'category':
    case 'followUp':
      return /^\d+$/.test(a ?? '') ? { kind, index: Number(a) } : null;
    default:
      return null;
  }
}

/** The identity written to G1. */
export interface SheetIdentity {
  v: typeof LAYOUT_VERSION;
  drawId: number;
  entityId: number;
  taskIds: number[];
  /** How many marker rows the sheet was written with. */
  markers: number;
  checksum: string;
}

/** SHA-256 of the identity and every marker with its row number, in row order. */
export function layoutChecksum(
  id: Pick<SheetIdentity, 'drawId' | 'entityId' | 'taskIds'>,
  markers: readonly [row: number, marker: string][],
): string {
  const text = JSON.stringify([LAYOUT_VERSION, id.drawId, id.entityId, id.taskIds, markers]);
  return createHash('sha256').update(text).digest('hex');
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in its workbook by its number. */
export function sheetName(seq: number, entityName: string): string {
  const clean = entityName.replace(/[[\]:*?/\\]/g, ' ').trim();
  return `${seq}-${clean}`.slice(0, 31).replace(/'+$/, '');
}
