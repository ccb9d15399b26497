import { describe, expect, it } from 'vitest';
import {
  canonicalJsonBytes,
  encodeCandidateRuns,
  encodeCandidateRunsOfColumns,
  encodeDrawInputs,
  joinParts,
  parseDrawInputs,
  type Candidate,
  type CandidateColumns,
  type CandidateRuns,
  type DrawInputs,
} from '@shared/draw';
import { clone, loadVectors } from './vectors';

function check(inputs: DrawInputs, runsOf?: (inputs: DrawInputs) => Parameters<typeof encodeDrawInputs>[2]): void {
  const copy = clone(inputs);
  const runs = runsOf?.(copy);
  const { encoded } = encodeDrawInputs(copy, undefined, runs);
  // Runs are copied by the fast route (three parts: head, strata, tail), not set aside for the reference one (one part).
  if (runs && runs.every((run) => run !== null)) expect(encoded.parts.length === 3).toBe(copiedRuns(copy, runs));
  expect(Buffer.from(joinParts(encoded.parts)).equals(Buffer.from(canonicalJsonBytes(inputs)))).toBe(true);
  const codes = inputs.strata.flatMap((stratum) => stratum.candidates.map((candidate) => candidate.code));
  const decoded = codes.map((_, g) =>
    Buffer.from(encoded.codeBytes.subarray(encoded.codeStart[g], encoded.codeEnd[g])).toString('utf8'),
  );
  expect(decoded).toEqual(codes);
}

/** Whether the runs hold each stratum's candidates, their codes in order (then they are copied, not written again). */
function copiedRuns(inputs: DrawInputs, runs: NonNullable<Parameters<typeof encodeDrawInputs>[2]>): boolean {
  return inputs.strata.every((stratum, s) => {
    const codes = runs.flatMap((run) =>
      Array.from(run.codeStart[s], (start, i) =>
        Buffer.from(run.bytes[s].subarray(start, run.codeEnd[s][i])).toString(),
      ),
    );
    return JSON.stringify(codes) === JSON.stringify(stratum.candidates.map((candidate) => candidate.code));
  });
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

  it('grows its buffer for many strata: no header written past its end (once lost a byte there, leaving a 0x00)', () => {
    const inputs = clone((loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs);
    // Empty strata use up the spare room; then one whose name and ratio fill the room reserved after it to 15 bytes,
    // one short of the next stratum's header.
    const stratum = (name: string, ratioBp: number) => ({ name, ratioBp, quota: 0, candidates: [] });
    inputs.strata = [
      ...inputs.strata,
      ...Array.from({ length: 80 }, (_, i) => stratum(`x${i}`, Number.MAX_SAFE_INTEGER)),
      stratum('', Number.MAX_SAFE_INTEGER),
      stratum('tail', 1),
    ];
    check(inputs);
    check(inputs, (copy) => [encodeCandidateRuns(copy.strata.map((stratum) => stratum.candidates))!]);
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

describe('encodeDrawInputs with candidates already written in runs (two threads, one half each)', () => {
  /** Each stratum's list cut at `at(length)` into two runs, written by encodeCandidateRuns. */
  const halves = (at: (length: number) => number) => (inputs: DrawInputs) => {
    const cut = inputs.strata.map((stratum) => at(stratum.candidates.length));
    return [
      encodeCandidateRuns(inputs.strata.map((stratum, s) => stratum.candidates.slice(0, cut[s])))!,
      encodeCandidateRuns(inputs.strata.map((stratum, s) => stratum.candidates.slice(cut[s])))!,
    ];
  };

  it.each(loadVectors())(
    'copies them into the same C(inputs), byte for byte, and finds every code for $name',
    ({ drawCase }) => {
      const inputs = (drawCase as unknown as { inputs: DrawInputs }).inputs;
      check(
        inputs,
        halves((n) => n >> 1),
      );
      check(
        inputs,
        halves(() => 0),
      ); // the first run empty
      check(
        inputs,
        halves((n) => n),
      ); // the second run empty
    },
  );

  it('refuses runs that do not hold the stratum, and a code repeated across runs, the way it refuses the inputs', () => {
    const inputs = clone((loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs);
    // One candidate short: the reference route writes them all, the same bytes.
    check(inputs, (copy) => [encodeCandidateRuns(copy.strata.map((stratum) => stratum.candidates.slice(1)))!]);
    // As many candidates, but not these (a code of the runs is not the candidate's): the same, again.
    check(inputs, (copy) => [
      encodeCandidateRuns(
        copy.strata.map((stratum) =>
          stratum.candidates.map((candidate, i) =>
            i === 0 ? { ...candidate, code: 'ZZ' + candidate.code } : candidate,
          ),
        ),
      )!,
    ]);
    // The same code in both halves: the error parseDrawInputs gives.
    const repeated = clone(inputs);
    const list = repeated.strata[0].candidates;
    list[list.length - 1].code = list[0].code;
    expect(errorOf(() => encodeDrawInputs(clone(repeated), undefined, halves((n) => n >> 1)(repeated)))).toBe(
      errorOf(() => parseDrawInputs(clone(repeated))),
    );
  });

  it('leaves what the fast writer does not take to encodeDrawInputs (null)', () => {
    const inputs = clone((loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs);
    inputs.strata[0].candidates[0].code = 'A"B';
    expect(encodeCandidateRuns(inputs.strata.map((stratum) => stratum.candidates))).toBeNull();
  });
});

const BASE = 0x100;
const SEPARATOR = '\u001f'; // as task-scope.ts joins the codes
const offices = ['城关市场监管所', '东城所', 'Ⅱ号所', '𠀋所']; // the last one outside the BMP (four UTF-8 bytes)
const areas = ['城关片区', '河西片区', '北区'];

/** Columns of `rows` rows (every fifth outside the strata), with the objects and lists encodeCandidateRuns is given. */
function columnsOf(
  rows: number,
  strata: number,
  code: (i: number) => string = (i) => `91330100MA${String(i).padStart(8, '0')}`,
  names = { offices, areas },
) {
  const codes: string[] = [];
  let officeText = '';
  let areaText = '';
  const stratumOfRow = new Int8Array(rows);
  const lists: Candidate[][] = Array.from({ length: strata }, () => []);
  for (let i = 0; i < rows; i++) {
    const o = (i * 7) % names.offices.length;
    const a = (i + (i >> 2)) % names.areas.length;
    codes.push(code(i));
    officeText += String.fromCharCode(BASE + o);
    areaText += String.fromCharCode(BASE + a);
    stratumOfRow[i] = i % 5 === 4 ? -1 : (i * 13) % strata;
    if (stratumOfRow[i] >= 0)
      lists[stratumOfRow[i]].push({ code: code(i), office: names.offices[o], area: names.areas[a] });
  }
  const columns: CandidateColumns = {
    rows,
    strata,
    stratumOfRow,
    codes: codes.join(SEPARATOR),
    separator: SEPARATOR.charCodeAt(0),
    officeText,
    areaText,
    charBase: BASE,
    offices: names.offices,
    areas: names.areas,
  };
  return { columns, lists };
}

const plain = (runs: CandidateRuns | null) =>
  runs && {
    bytes: runs.bytes.map((b) => Buffer.from(b).toString('hex')),
    codeStart: runs.codeStart.map((a) => [...a]),
    codeEnd: runs.codeEnd.map((a) => [...a]),
  };

describe('encodeCandidateRunsOfColumns (a snapshot row written without objects): the same runs', () => {
  it.each([
    [1, 1],
    [997, 1],
    [1000, 5],
    [3, 5], // strata with no candidate
  ])('writes %i rows in %i strata exactly as encodeCandidateRuns writes their objects', (rows, strata) => {
    const { columns, lists } = columnsOf(rows, strata);
    // Every office and area is used (a writer that wrote one name for all would not pass).
    if (rows >= 12)
      expect([new Set(lists.flat().map((c) => c.office)).size, new Set(lists.flat().map((c) => c.area)).size]).toEqual([
        offices.length,
        areas.length,
      ]);
    const runs = encodeCandidateRunsOfColumns(columns);
    expect(runs).not.toBeNull();
    expect(plain(runs)).toEqual(plain(encodeCandidateRuns(lists)));
  });

  it('takes no rows at all, rows of which none is a candidate, and codes holding a comma', () => {
    const empty = columnsOf(0, 2);
    expect(plain(encodeCandidateRunsOfColumns(empty.columns))).toEqual(plain(encodeCandidateRuns(empty.lists)));
    const none = columnsOf(4, 1);
    none.columns.stratumOfRow.fill(-1);
    expect(plain(encodeCandidateRunsOfColumns(none.columns))).toEqual(
      plain(encodeCandidateRuns(none.lists.map(() => []))),
    );
    const comma = columnsOf(20, 2, (i) => `REG,${i}`);
    expect(plain(encodeCandidateRunsOfColumns(comma.columns))).toEqual(plain(encodeCandidateRuns(comma.lists)));
  });
});

describe('encodeCandidateRunsOfColumns: null where the runs cannot be written', () => {
  it('gives null where encodeCandidateRuns does — a code or name JSON must escape or that is not well-formed, an empty code', () => {
    const variants = [
      columnsOf(10, 2, (i) => (i === 3 ? 'A"B' : `CODE${i}`)),
      columnsOf(10, 2, (i) => (i === 3 ? '统一代码' : `CODE${i}`)),
      columnsOf(10, 2, (i) => (i === 3 ? 'A\tB' : `CODE${i}`)),
      columnsOf(10, 2, undefined, { offices: ['城关所', 'a\\b', '东城所', '西城所'], areas }),
      columnsOf(10, 2, undefined, { offices: ['城关所', '\ud800所', '东城所', '西城所'], areas }), // a lone surrogate
      columnsOf(10, 2, undefined, { offices, areas: ['北区', '南\u0001区', '东区'] }),
    ];
    for (const { columns, lists } of variants) {
      expect(encodeCandidateRuns(lists)).toBeNull();
      expect(encodeCandidateRunsOfColumns(columns)).toBeNull();
    }
    expect(encodeCandidateRunsOfColumns(columnsOf(10, 2, (i) => (i === 3 ? '' : `CODE${i}`)).columns)).toBeNull();
  });

  it('gives null when the columns do not line up: an office or area index past the names, one code too many or too few', () => {
    const { columns } = columnsOf(10, 2);
    expect(encodeCandidateRunsOfColumns({ ...columns, offices: offices.slice(0, 2) })).toBeNull();
    expect(encodeCandidateRunsOfColumns({ ...columns, areas: [] })).toBeNull();
    expect(encodeCandidateRunsOfColumns({ ...columns, codes: `${columns.codes}${SEPARATOR}EXTRA` })).toBeNull();
    // Rows 4 and 9 are outside the strata: the last row's code missing must still be noticed.
    expect(
      encodeCandidateRunsOfColumns({
        ...columns,
        codes: columns.codes.slice(0, columns.codes.lastIndexOf(SEPARATOR)),
      }),
    ).toBeNull();
    // A code holding the separator would shift every later row onto another row's code.
    expect(
      encodeCandidateRunsOfColumns(columnsOf(10, 2, (i) => (i === 3 ? `A${SEPARATOR}B` : `CODE${i}`)).columns),
    ).toBeNull();
  });

  it('looks only at the names and codes of candidates: a bad one on a row outside the strata, or on no row, does not matter', () => {
    // Row 4 is outside the strata: its code is never written.
    const outside = columnsOf(10, 2, (i) => (i === 4 ? 'A"B' : `CODE${i}`));
    expect(plain(encodeCandidateRunsOfColumns(outside.columns))).toEqual(plain(encodeCandidateRuns(outside.lists)));
    // An office no row names (the lookups list the whole roster's offices).
    const unused = columnsOf(10, 2);
    expect(plain(encodeCandidateRunsOfColumns({ ...unused.columns, offices: [...offices, '未用"所'] }))).toEqual(
      plain(encodeCandidateRuns(unused.lists)),
    );
  });
});

describe('encodeCandidateRunsOfColumns: copied by encodeDrawInputs', () => {
  it('gives runs encodeDrawInputs copies into the same C(inputs) as writing the objects', () => {
    const { columns, lists } = columnsOf(600, 2);
    const inputs = clone((loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs);
    inputs.strata = lists.map((candidates, s) => ({ name: `S${s}`, quota: 1, candidates }));
    check(inputs, () => [encodeCandidateRunsOfColumns(columns)!]);
  });

  it('runs written from other offices or areas than the objects hold are not copied: encodeDrawInputs writes the objects', () => {
    const { columns, lists } = columnsOf(600, 2);
    const inputs = clone((loadVectors()[0].drawCase as unknown as { inputs: DrawInputs }).inputs);
    inputs.strata = lists.map((candidates, s) => ({ name: `S${s}`, quota: 1, candidates }));
    for (const wrong of [
      { ...columns, offices: [...offices].reverse() },
      { ...columns, areas: [...areas].reverse() },
    ]) {
      const { encoded } = encodeDrawInputs(clone(inputs), undefined, [encodeCandidateRunsOfColumns(wrong)!]);
      expect(encoded.parts).toHaveLength(1); // the reference route
      expect(Buffer.from(joinParts(encoded.parts)).equals(Buffer.from(canonicalJsonBytes(inputs)))).toBe(true);
    }
  });
});
