import { describe, expect, it } from 'vitest';
import { canonicalJsonBytes, encodeDrawInputs, joinParts, parseDrawInputs, type DrawInputs } from '@shared/draw';
import { clone, loadVectors } from './vectors';

function check(inputs: DrawInputs): void {
  const { encoded } = encodeDrawInputs(clone(inputs));
  expect(Buffer.from(joinParts(encoded.parts)).equals(Buffer.from(canonicalJsonBytes(inputs)))).toBe(true);
  const codes = inputs.strata.flatMap((stratum) => stratum.candidates.map((candidate) => candidate.code));
  const decoded = codes.map((_, g) => Buffer.from(encoded.codeBytes.subarray(encoded.codeStart[g], encoded.codeEnd[g])).toString('utf8'));
  expect(decoded).toEqual(codes);
}

function errorOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('encodeDrawInputs (one pass: validate, C(inputs), code table)', () => {
  it.each(loadVectors())('writes C(inputs) byte for byte and finds every code for $name', ({ drawCase }) => {
    check((drawCase as unknown as { inputs: DrawInputs }).inputs);
  });

  it('takes the reference route for codes JSON must escape or that are not ASCII, with the same bytes', () => {
    const inputs = clone((loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs);
    inputs.strata[0].candidates[0].code = 'A"B\\C\u0001';
    inputs.strata[0].candidates[1].code = '91测试😀';
    check(inputs);
  });

  it('throws exactly what parseDrawInputs throws for invalid inputs', () => {
    const base = (loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs;
    const broken: ((inputs: DrawInputs) => void)[] = [
      (inputs) => (inputs.strata[0].candidates[1].code = inputs.strata[0].candidates[0].code),
      (inputs) => (inputs.strata[0].candidates[0].code = ''),
      (inputs) => ((inputs.strata[0].candidates[0] as unknown as Record<string, unknown>).extra = 'x'),
      (inputs) => (inputs.strata[0].quota = inputs.strata[0].candidates.length + 1),
      (inputs) => (inputs.packageSize = 0),
      (inputs) => (inputs.inspectors[1].id = inputs.inspectors[0].id),
      (inputs) => (inputs.task = { weight: 1.5 }),
      (inputs) => (inputs.strata[0].candidates[0].office = '\ud800'),
    ];
    for (const breakIt of broken) {
      const inputs = clone(base);
      breakIt(inputs);
      const expected = errorOf(() => parseDrawInputs(clone(inputs)));
      const actual = errorOf(() => encodeDrawInputs(clone(inputs)));
      if (expected !== 'no error') expect(actual).toBe(expected);
      else expect(actual).not.toBe('no error');
    }
  });
});
