import { describe, expect, it } from 'vitest';
import {
  checkRegNo,
  checkUscc,
  entityTypeFromUscc,
  regNoCheckDigit,
  USCC_ALPHABET,
  usccCheckChar,
} from '@shared/domain/uscc';

// Codes printed on public business licences / published in the 国家企业信用信息公示系统.
const PUBLIC_USCCS = [
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '914403001922038216', // 华为技术有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '91110000802100433B', // 北京百度网讯科技有限公司
  '91350100M000100Y43', // the specimen code shown in public explanations of GB 32100-2015
];

describe('USCC (GB 32100-2015)', () => {
  it.each(PUBLIC_USCCS)('accepts the public code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true });
  });

  it('computes the check character from the weights 3^(i-1) mod 31', () => {
    // Recompute the rule here, independently of the implementation, against the public codes.
    const weights = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
    expect(weights).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
    for (const code of PUBLIC_USCCS) {
      const sum = [...code.slice(0, 17)].reduce((s, ch, i) => s + USCC_ALPHABET.indexOf(ch) * weights[i], 0);
      expect(USCC_ALPHABET[(31 - (sum % 31)) % 31]).toBe(code[17]);
      expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('reports a wrong check character with the expected one', () => {
    const code = '914403001922038216';
    const wrong = code.slice(0, 17) + '7';
    expect(checkUscc(wrong)).toEqual({ ok: false, problem: 'checkDigit', expectedCheckChar: '6' });
  });

  it('every single-character change of a valid code is caught', () => {
    const code = '91110108551385082Q';
    for (let i = 0; i < 17; i++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[i]) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        expect(checkUscc(changed).ok, changed).toBe(false);
      }
    }
  });

  it('rejects wrong length and letters outside the alphabet (I, O, S, V, Z, lower case)', () => {
    expect(checkUscc('91440300715267')).toEqual({ ok: false, problem: 'length' });
    expect(checkUscc('9144030071526726XGX')).toEqual({ ok: false, problem: 'length' });
    expect(checkUscc('9144030071526726XO')).toEqual({ ok: false, problem: 'characters' });
    expect(checkUscc('9144030071526726xg')).toEqual({ ok: false, problem: 'characters' });
  });

  it('codes generated from random bodies validate, and only with their own check character', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 200; n++) {
      const body = '91' + Array.from({ length: 15 }, () => USCC_ALPHABET[next() % 31]).join('');
      const check = usccCheckChar(body);
      expect(checkUscc(body + check).ok).toBe(true);
      const other = USCC_ALPHABET[(USCC_ALPHABET.indexOf(check) + 1) % 31];
      expect(checkUscc(body + other).ok).toBe(false);
    }
  });

  it('reads the entity type from the first two characters', () => {
    expect(entityTypeFromUscc('914403001922038216')).toBe('企业');
    expect(entityTypeFromUscc('92469006MA5RXXXXXX')).toBe('个体工商户');
    expect(entityTypeFromUscc('93460000MA5TXXXXXX')).toBe('农民专业合作社');
    expect(entityTypeFromUscc('12460000MA5TXXXXXX')).toBe('事业单位');
    expect(entityTypeFromUscc('51460000MA5TXXXXXX')).toBe('社会组织');
    expect(entityTypeFromUscc('Y1460000MA5TXXXXXX')).toBeNull();
  });
});

describe('注册号 (15 digits, ISO 7064 MOD 11,10)', () => {
  it('accepts real register numbers', () => {
    expect(checkRegNo('469006600187440')).toEqual({ ok: true }); // the example (a 个体工商户 in Hainan)
    expect(checkRegNo('440301103097413')).toEqual({ ok: true });
  });

  it('computes the check digit and catches a changed digit', () => {
    expect(regNoCheckDigit('46900660018744')).toBe('0');
    expect(checkRegNo('469006600187441')).toEqual({ ok: false, problem: 'checkDigit', expectedCheckDigit: '0' });
    for (let i = 0; i < 14; i++) {
      const digit = (Number('469006600187440'[i]) + 1) % 10;
      const changed = '469006600187440'.slice(0, i) + digit + '469006600187440'.slice(i + 1);
      expect(checkRegNo(changed).ok, changed).toBe(false);
    }
  });

  it('rejects a wrong shape', () => {
    expect(checkRegNo('46900660018744')).toEqual({ ok: false, problem: 'shape' });
    expect(checkRegNo('46900660018744X')).toEqual({ ok: false, problem: 'shape' });
  });
});
