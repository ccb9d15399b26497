import { describe, expect, it } from 'vitest';
import {
  canonicalInputsBytes,
  canonicalJsonBytes,
  parseDrawInputs,
  runDraw,
  verifyProof,
  type VerifyReport,
} from '@shared/draw';
import { nodeSha256 } from '../../../src-main/draws/node-sha256';
import { clone, loadVectors } from './vectors';

const vectors = loadVectors();

function differenceOf(report: VerifyReport) {
  if (report.valid) throw new Error('expected the proof to fail verification');
  return report.difference;
}

/** Every leaf of a JSON value with its path, e.g. ["result","packages",2,"team",1]. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, item]) => leaves(item, [...path, name]));
  }
  return [path];
}

function mutateAt(root: unknown, path: (string | number)[]): void {
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const value = parent[last];
  if (typeof value === 'string') {
    // Flip the last character to another one of the same kind (hex stays hex, so only the value differs).
    const tail = value.at(-1) ?? '';
    const replacement = /[0-9a-f]/.test(tail) ? (tail === '0' ? '1' : '0') : tail === 'X' ? 'Y' : 'X';
    parent[last] = value.slice(0, -1) + replacement;
  } else if (typeof value === 'number') parent[last] = value + 1;
  else if (typeof value === 'boolean') parent[last] = !value;
  else if (value === null) parent[last] = 'x';
}

/** Where a difference must be reported for a mutation at `path` (the protocol's commitments decide). */
function expectedDifferencePath(path: (string | number)[]): RegExp {
  const [top, ...rest] = path;
  const dotted = path
    .map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`))
    .join('')
    .slice(1);
  switch (top) {
    case 'inputs':
      return /^(commitment\.inputDigest|inputs)$/;
    case 'nonce':
      return /^commitment\.nonceCommit$/;
    case 'entropy':
    case 'seed':
      return /^seed$/;
    case 'commitment':
      return new RegExp(`^commitment\\.${String(rest[0])}$`);
    case 'spec':
      return /^spec$/;
    case 'result': {
      // result.selected[i].key → that field; result.packages[i].team[j] → the package's team.
      const container = dotted.replace(/\[\d+\]$/, '').replace(/[.[\]]/g, (c) => `\\${c}`);
      return new RegExp(`^${container}$`);
    }
    case 'amendments':
      return /^(amendments\[\d+\]\.in|result(\.packages\[\d+\].*)?)$/;
    default:
      throw new Error(`no expectation for ${dotted}`);
  }
}

describe.each(vectors)('draw vector $name', ({ drawCase, proof }) => {
  it('reproduces the expected proof byte for byte', () => {
    const produced = runDraw(clone(drawCase), nodeSha256);
    expect(Buffer.from(canonicalJsonBytes(produced)).toString('utf8')).toBe(
      Buffer.from(canonicalJsonBytes(proof)).toString('utf8'),
    );
  });

  it('writes C(inputs) exactly like the generic canonicaliser', () => {
    const inputs = parseDrawInputs(clone(proof.inputs));
    expect(Buffer.from(canonicalInputsBytes(inputs)).equals(Buffer.from(canonicalJsonBytes(proof.inputs)))).toBe(true);
  });

  it('verifies as valid', () => {
    const report = verifyProof(clone(proof), nodeSha256);
    expect(report).toMatchObject({ valid: true, seed: proof.seed });
  });

  it('fails verification, naming what differs, when any single field is changed', () => {
    const mutable = leaves(proof).filter(
      // Reasons are free text the protocol keeps but does not commit to; info is ignored by design.
      (path) => !(path[0] === 'amendments' && path[2] === 'reason') && path[0] !== 'info',
    );
    expect(mutable.length).toBeGreaterThan(50);
    for (const path of mutable) {
      const tampered = clone(proof);
      mutateAt(tampered, path);
      const difference = differenceOf(verifyProof(tampered, nodeSha256));
      expect(difference.path, `mutating ${path.join('.')}: ${difference.message}`).toMatch(
        expectedDifferencePath(path),
      );
      expect(difference.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('verification messages', () => {
  const vector = vectors.find((v) => v.name.startsWith('04'))!;

  it('names the package and both teams when a team member is swapped', () => {
    const tampered = clone(vector.proof) as { result: { packages: { team: string[] }[] } };
    const team = tampered.result.packages[1].team;
    team[0] = 'ZF99999';
    const difference = differenceOf(verifyProof(tampered, nodeSha256));
    expect(difference.code).toBe('proof.package.team');
    expect(difference.message).toContain('第 2 包的检查组不一致');
    expect(difference.message).toContain('ZF99999');
  });

  it('names the amendment whose replacement differs', () => {
    const tampered = clone(vector.proof) as { amendments: { in: string }[] };
    tampered.amendments[2].in = 'ZF00099';
    const difference = differenceOf(verifyProof(tampered, nodeSha256));
    expect(difference).toMatchObject({ code: 'proof.amendment.in', path: 'amendments[2].in', recorded: 'ZF00099' });
    expect(difference.message).toContain('第3条递补');
  });

  it('refuses fields the protocol does not define, but ignores info', () => {
    const withInfo = { ...clone(vector.proof), info: { operator: '张三', witnesses: ['李四'] } };
    expect(verifyProof(withInfo, nodeSha256).valid).toBe(true);
    const withExtra = { ...clone(vector.proof), operator: '张三' };
    expect(differenceOf(verifyProof(withExtra, nodeSha256)).code).toBe('proof.unknown_field');
    const extraResult = clone(vector.proof) as { result: Record<string, unknown> };
    extraResult.result.note = 'x';
    expect(differenceOf(verifyProof(extraResult, nodeSha256)).path).toBe('result.note');
  });

  it('accepts witnesses recorded as {name, value} objects', () => {
    const named = clone(vector.proof) as { entropy: { witnesses: unknown[] } };
    named.entropy.witnesses = named.entropy.witnesses.map((value, i) => ({ name: `见证人${i + 1}`, value }));
    expect(verifyProof(named, nodeSha256).valid).toBe(true);
  });

  it('says a non-object is not a proof', () => {
    expect(differenceOf(verifyProof([1, 2], nodeSha256)).code).toBe('proof.malformed');
  });
});
