/**
 * A file of the wrong kind is named, not imported column by column into the wrong roster: an item list chosen as
 * an entity roster would map 编制单位名称 to 名称 and reject every row for want of a code. A file is refused only
 * when its header does not name the chosen roster's required columns outright and does name another roster's.
 */
import { ROSTER_KINDS, ROSTER_LABELS, type RosterKind } from '../domain/rosters';
import { AppError } from '../errors';
import type { GridRow } from './grid';
import { headerFit, type HeaderFit } from './header';

/** Where each roster is imported, as the side menu and the tabs name it. */
const IMPORT_PLACE: Record<RosterKind, string> = {
  items: '“检查事项清单”页面',
  entities: '“检查对象名录库”页面',
  inspectors: '“执法检查人员名录库”页面的“执法检查人员”标签',
  experts: '“执法检查人员名录库”页面的“专家库”标签',
};

export interface KindFound {
  kind: RosterKind;
  fit: HeaderFit;
}

/**
 * The roster this file's header is, when that is not `chosen` and the header does not fit `chosen` outright:
 * another roster whose required columns are all named by whole header texts, naming more fields than `chosen`.
 */
export function otherKindOf(chosen: RosterKind, leadingRows: readonly GridRow[]): KindFound | null {
  const own = headerFit(chosen, leadingRows);
  if (own.requiredExact) return null;
  let found: KindFound | null = null;
  for (const kind of ROSTER_KINDS) {
    if (kind === chosen) continue;
    const fit = headerFit(kind, leadingRows);
    if (!fit.requiredExact || fit.score < 2 || fit.score <= own.score) continue;
    if (!found || fit.score > found.fit.score) found = { kind, fit };
  }
  return found;
}

/** Throws AppError('import.wrongKind') naming what the file is and where to import it. */
export function refuseWrongKind(chosen: RosterKind, leadingRows: readonly GridRow[]): void {
  const found = otherKindOf(chosen, leadingRows);
  if (!found) return;
  const columns = found.fit.named
    .slice(0, 3)
    .map((t) => `“${t}”`)
    .join('、');
  throw new AppError(
    'import.wrongKind',
    `这是${ROSTER_LABELS[found.kind]}，不是${ROSTER_LABELS[chosen]}（表头有${columns}等列）。请在${IMPORT_PLACE[found.kind]}导入。`,
    { found: found.kind },
  );
}
