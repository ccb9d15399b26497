/**
 * Identifiers of market entities: the 18-character 统一社会信用代码 (GB 32100-2015) and the 15-digit 注册号 (GS15-2006, ISO 7064
 * MOD 11,10) that old 个体工商户 rows often carry alone; layouts in docs/design-notes.md. Both checks are reported, never
 * enforced: some early real codes fail their check digit, and the import turns a failure into a flag.
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
