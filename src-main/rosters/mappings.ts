/**
 * Mapping memory: the mapping a clerk confirmed for a file shape (detection.signature = roster kind + a hash of
 * the normalised header cells by position) lives in the settings table under MAPPING_KEY_PREFIX, so the next file
 * of the same shape opens with it. The settings service reads only its own keys; no migration is needed.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { RosterKind } from '@shared/domain/rosters';
import { withMapping, type ColumnMapping } from '@shared/import/header';
import { appendAudit } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { Database } from '../db/schema';
import { qb, value } from '../db/sql';
import { detectMapping, type MappingProposal } from './readers/index';

export const MAPPING_KEY_PREFIX = 'import.mapping:';

interface RememberedMapping {
  kind: RosterKind;
  mapping: ColumnMapping;
  headers: string[];
  savedAt: string;
}

/** What detection tells about a file, kept per file token between the mapping dialog and the preview. */
export interface FileShape {
  signature: string;
  autoMapping: ColumnMapping;
  headers: string[];
}

/** A confirmed import's file and mapping, as rememberMapping needs them. */
export interface ConfirmedMapping {
  kind: RosterKind;
  fileName: string;
  mapping: ColumnMapping;
  shape: FileShape;
}

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function rememberedMapping(raw: BetterSqlite3.Database, signature: string): RememberedMapping | null {
  const stored = value(
    raw,
    qb
      .selectFrom('settings')
      .select('value')
      .where('key', '=', MAPPING_KEY_PREFIX + signature),
  );
  return stored === undefined ? null : (JSON.parse(stored) as RememberedMapping);
}

/** The header's own mapping, replaced by the one the clerk confirmed for this file shape before, if any. */
export async function detectShape(
  raw: BetterSqlite3.Database,
  path: string,
  kind: RosterKind,
): Promise<MappingProposal & { autoMapping: ColumnMapping; remembered: boolean }> {
  const proposal = await detectMapping(path, kind);
  const autoMapping = proposal.detection.mapping;
  const remembered = rememberedMapping(raw, proposal.detection.signature);
  if (!remembered) return { ...proposal, autoMapping, remembered: false };
  return {
    ...proposal,
    detection: withMapping(proposal.detection, remembered.mapping),
    autoMapping,
    remembered: true,
  };
}

/** The shape detection found, as kept between the mapping dialog and the preview. */
export function shapeOf(proposal: Awaited<ReturnType<typeof detectShape>>): FileShape {
  return {
    signature: proposal.detection.signature,
    autoMapping: proposal.autoMapping,
    headers: proposal.detection.columns.map((c) => c.text),
  };
}

/** Remember the clerk's mapping for this file shape when it differs from the header's own; forget it when not. */
export async function rememberMapping(
  db: Kysely<Database>,
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  confirmed: ConfirmedMapping,
) {
  const { signature, autoMapping, headers } = confirmed.shape;
  const key = MAPPING_KEY_PREFIX + signature;
  const stored = rememberedMapping(raw, signature);
  const differs = !sameMapping(confirmed.mapping, autoMapping);
  if (differs ? stored !== null && sameMapping(stored.mapping, confirmed.mapping) : stored === null) return;
  const at = ctx.now();
  await db.transaction().execute(async (trx) => {
    if (differs) {
      const value = JSON.stringify({
        kind: confirmed.kind,
        mapping: confirmed.mapping,
        headers,
        savedAt: at.toISOString(),
      } satisfies RememberedMapping);
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: at.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
        .execute();
    } else {
      await trx.deleteFrom('settings').where('key', '=', key).execute();
    }
    await appendAudit(
      trx,
      {
        actor: ctx.actor(),
        action: differs ? 'roster:mapping-remember' : 'roster:mapping-forget',
        target: confirmed.kind,
        detail: { file: confirmed.fileName, signature, mapping: confirmed.mapping },
      },
      at,
    );
  });
}
