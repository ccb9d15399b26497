/**
 * A deterministic city-scale draw case for bench/draw.ts (DOMAIN.md scale: a city like 青岛 has ~1,000,000
 * entities and ~26,500 inspectors). Generated from a fixed xorshift stream so every run draws the same rows.
 */
import type { DrawCase, DrawInputs, Inspector, Stratum } from '@shared/draw';

export interface CityScale {
  /** Candidates per stratum A–D and their ratios in basis points. */
  strata: { name: string; candidates: number; ratioBp: number }[];
  inspectors: number;
  areas: number;
  officesPerArea: number;
  conflictShare: number;
}

/** 1,000,000 candidates, most of them grade A (lowest ratio) → 47,500 selected, as a credit-graded task would. */
export const CITY_SCALE: CityScale = {
  strata: [
    { name: 'A', candidates: 500_000, ratioBp: 100 },
    { name: 'B', candidates: 350_000, ratioBp: 500 },
    { name: 'C', candidates: 100_000, ratioBp: 1000 },
    { name: 'D', candidates: 50_000, ratioBp: 3000 },
  ],
  inspectors: 30_000,
  areas: 50,
  officesPerArea: 2,
  conflictShare: 0.01,
};

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

export function cityScaleCase(scale: CityScale = CITY_SCALE): DrawCase {
  const random = xorshift(20261123);
  const pick = (n: number) => Math.floor(random() * n);
  const areaNames = Array.from({ length: scale.areas }, (_, a) => `第${a + 1}片区`);
  const officeNames = Array.from({ length: scale.areas * scale.officesPerArea }, (_, o) => `第${o + 1}市场监管所`);

  const codes = new Set<string>();
  const strata: Stratum[] = scale.strata.map((spec) => {
    const candidates = [];
    for (let i = 0; i < spec.candidates; i++) {
      let code: string;
      do {
        code = '91370200';
        for (let c = 0; c < 10; c++) code += USCC_ALPHABET[pick(USCC_ALPHABET.length)];
      } while (codes.has(code));
      codes.add(code);
      const area = pick(scale.areas);
      candidates.push({
        code,
        office: officeNames[area * scale.officesPerArea + pick(scale.officesPerArea)],
        area: areaNames[area],
      });
    }
    const quota = Math.floor((spec.candidates * spec.ratioBp + 9999) / 10000);
    return { name: spec.name, ratioBp: spec.ratioBp, quota, candidates };
  });

  const departments = ['执法稽查局', '食品安全协调处', '特种设备安全监察处'];
  const inspectors: Inspector[] = Array.from({ length: scale.inspectors }, (_, i) => {
    const tags: string[] = [];
    if (random() < 0.4) tags.push('食品');
    if (random() < 0.25) tags.push('特种设备');
    if (random() < 0.2) tags.push('广告');
    const office = random() < 0.05 ? departments[pick(departments.length)] : officeNames[pick(officeNames.length)];
    return { id: `ZF${String(i + 1).padStart(6, '0')}`, office, tags };
  });

  const allCodes = [...codes];
  const conflictCount = Math.round(allCodes.length * scale.conflictShare);
  const conflicts: [string, string][] = Array.from({ length: conflictCount }, () => [
    inspectors[pick(inspectors.length)].id,
    allCodes[pick(allCodes.length)],
  ]);

  const inputs: DrawInputs = {
    spec: 'ssj-draw/1',
    task: { id: 'BENCH-CITY', name: '城市规模基准任务', year: 2026 },
    strata,
    packageSize: 5,
    clusterBy: 'area',
    inspectors,
    teamSize: 2,
    maxPackagesPerInspector: 3,
    requiredTags: ['食品', '特种设备'],
    conflicts,
    avoidOwnOffice: true,
    distinctOffices: true,
  };
  const drawCase: DrawCase = {
    inputs,
    nonce: '5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f',
    entropy: { witnesses: ['314159', '271828'], public: null },
    amendments: [],
  };
  // Through JSON once, as real cases arrive (a case file, or rows read back from SQLite): the strings built above
  // by concatenation are V8 rope strings, which hash and compare several times slower than flat parsed ones.
  return JSON.parse(JSON.stringify(drawCase)) as DrawCase;
}
