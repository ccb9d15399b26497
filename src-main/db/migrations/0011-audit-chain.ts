import { auditRowHash, GENESIS_HASH } from '../../audit/chain';
import type { Migration } from './index';

/**
 * The operation log becomes a hash chain (audit/chain.ts): every row stores the previous row's hash and its own.
 * Existing rows are linked here, in id order. An insert must carry the next id and the current head as its link, so
 * a writer that forgets the chain is refused; verifyAuditChain catches what is done with the triggers dropped. Each
 * sealed proof records the head it saw (audit_head), so rows cut off the end are missed by a proof.
 */
export const m0011AuditChain: Migration = {
  version: 11,
  name: 'audit log hash chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
      DROP TRIGGER audit_log_no_update;
    `);
    const rows = db.prepare('SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id').all() as {
      id: number;
      at: string;
      actor: string;
      action: string;
      target: string;
      detail: string;
    }[];
    const link = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = auditRowHash({ ...row, prev_hash: prev });
      link.run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, '操作日志不可修改'); END;
      CREATE TRIGGER audit_log_linked BEFORE INSERT ON audit_log
        WHEN new.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit_log)
          OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '${GENESIS_HASH}')
          OR length(new.hash) <> 64
        BEGIN SELECT RAISE(ABORT, '操作日志只能按链接顺序追加'); END;

      ALTER TABLE draw_proofs ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64);
    `);
  },
};
