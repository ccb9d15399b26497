/** An entity row's codes: the 统一社会信用代码 and the 注册号, each checked, one standing in for the other. */
import { checkRegNo, checkUscc } from '../domain/uscc';
import { ENTITY_FIELD_LABELS } from '../domain/rosters';
import type { RowReader } from './records';

export const USCC_LABEL = ENTITY_FIELD_LABELS.uscc;
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
export function readEntityCodes(r: RowReader): { uscc: string | null; regNo: string | null } {
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
