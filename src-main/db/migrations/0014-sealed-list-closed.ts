import type { Migration } from './index';

/**
 * A sealed draw's list of drawn entities is written by 封存 in the same transaction just before its proof; once the
 * proof exists, no entity can be added to the list (draw_selected_only_sealed let a sealed draw take more rows).
 */
export const m0014SealedListClosed: Migration = {
  version: 14,
  name: 'sealed list closed',
  up(db) {
    db.exec(`
      CREATE TRIGGER draw_selected_closed_after_proof BEFORE INSERT ON draw_selected
        WHEN EXISTS (SELECT 1 FROM draw_proofs WHERE draw_id = new.draw_id)
        BEGIN SELECT RAISE(ABORT, '已封存的抽中对象名单不可增补'); END;
    `);
  },
};
