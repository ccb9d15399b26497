/**
 * Identifiers of market entities.
 *
 * 统一社会信用代码 (USCC, GB 32100-2015): 18 characters from a 31-character alphabet (digits and upper-case
 * letters without I, O, S, V, Z):
 *   1      登记管理部门码 (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他 …)
 *   2      机构类别码 (under 9: 1 企业, 2 个体工商户, 3 农民专业合作社)
 *   3–8    登记管理机关行政区划码 (6 digits)
 *   9–17   主体标识码 (the 组织机构代码)
 *   18     校验码: weights 3^(i-1) mod 31, C18 = 31 − (Σ mod 31), 31 → 0
 *
 * 注册号 (the 15-digit register number of 工商 before 2015, GS15-2006): 6-digit region + 8-digit sequence + one
 * check digit by ISO 7064 MOD 11,10. Old 个体工商户 rows often carry only this.
 *
 * Both checks are reported, never enforced here: some early real codes fail their check digit, and the user may
 * accept them. The import layer turns a failure into a flag.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_SHAPE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const REG_NO_SHAPE = /^[0-9]{15}$/;

export type UsccCheck =
  { ok: true } | { ok: false; problem: 'length' | 'characters' | 'checkDigit'; expectedCheckChar?: string };

/** The check character the first 17 characters call for (they must already be in the alphabet). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character not allowed in a USCC: ${first17[i]}`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Shape and check digit of a USCC that is already normalised (trimmed, upper-case ASCII). */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) return { ok: false, problem: 'length' };
  if (!USCC_SHAPE.test(code)) return { ok: false, problem: 'characters' };
  const expected = usccCheckChar(code.slice(0, 17));
  return expected === code[17] ? { ok: true } : { ok: false, problem: 'checkDigit', expectedCheckChar: expected };
}

export function isValidUscc(code: string): boolean {
  return checkUscc(code).ok;
}

export type RegNoCheck = { ok: true } | { ok: false; problem: 'shape' | 'checkDigit'; expectedCheckDigit?: string };

/** The ISO 7064 MOD 11,10 check digit for the first 14 digits of a 注册号. */
export function regNoCheckDigit(first14: string): string {
  if (!/^[0-9]{14}$/.test(first14)) throw new RangeError('regNoCheckDigit needs exactly 14 digits');
  let product = 10;
  for (let i = 0; i < 14; i++) {
    const sum = ((product % 11) + Number(first14[i])) % 10;
    product = (sum === 0 ? 10 : sum) * 2;
  }
  // The check digit c makes ((product mod 11) + c) mod 10 === 1.
  return String((11 - (product % 11)) % 10);
}

/** Shape (15 digits) and check digit of a normalised 注册号. */
export function checkRegNo(regNo: string): RegNoCheck {
  if (!REG_NO_SHAPE.test(regNo)) return { ok: false, problem: 'shape' };
  const expected = regNoCheckDigit(regNo.slice(0, 14));
  return expected === regNo[14] ? { ok: true } : { ok: false, problem: 'checkDigit', expectedCheckDigit: expected };
}

/**
 * The entity type a USCC's first two characters declare, when they declare one of ours. Used to fill 主体类型
 * when a file has no such column; never to overrule a column that says otherwise.
 */
export function entityTypeFromUscc(
  code: string,
): '企业' | '个体工商户' | '农民专业合作社' | '事业单位' | '社会组织' | null {
  const prefix = code.slice(0, 2);
  switch (prefix) {
    case '91':
      return '企业';
    case '92':
      return '个体工商户';
    case '93':
      return '农民专业合作社';
    case '12':
      return '事业单位';
    case '51':
    case '52':
    case '53':
      return '社会组织';
    default:
      return null;
  }
}
