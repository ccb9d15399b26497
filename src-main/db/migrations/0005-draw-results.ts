import type { Migration } from './index';
import { appendOnly } from './ddl';

/**
 * What 揭晓 derived — the proof without its inputs, ~8 MB of JSON at city scale — in a table of its own instead of the
 * draws row's `result` column. SQLite writes a whole record again, overflow pages included, whenever any of its columns
 * changes: with the text in the row, 封存 setting state, sealed_at and sealed_by wrote the 8 MB a second time (measured:
 * ~60 ms and 5.7 MB of WAL per 5.6 MB of text), and so would a void after 揭晓.
 *
 * Like draws.result under draws_fixed_fields, the text is written once and never changed: only for a draw that is
 * being revealed (in the same transaction), never updated, never deleted. draws.result stays: read for draws revealed
 * by an earlier version (draw-views.drawResultText), and set to the short marker {"storedIn":"draw_results"} for later ones (the
 * table's CHECKs want JSON there once a draw is revealed; changing a CHECK would mean rebuilding the table). A build that knows only version 4 refuses this
 * database (connection.ts), rather than misreading what later versions store.
 */
export const m0005DrawResults: Migration = {
  version: 5,
  name: 'draw-results',
  up(db) {
    db.exec(`
      CREATE TABLE draw_results (
        draw_id INTEGER PRIMARY KEY REFERENCES draws(id),
        result  TEXT NOT NULL CHECK (json_valid(result))
      ) STRICT;
      -- Only for a draw being revealed, which says so in draws.result (a draw revealed before this version keeps its
      -- text there, and nothing here may stand in for it).
      CREATE TRIGGER draw_results_only_revealed BEFORE INSERT ON draw_results
        WHEN (SELECT state FROM draws WHERE id = new.draw_id) IS NOT 'revealed'
          OR (SELECT result FROM draws WHERE id = new.draw_id) IS NOT '{"storedIn":"draw_results"}'
        BEGIN SELECT RAISE(ABORT, '只有揭晓时才能登记抽取结果'); END;
      ${appendOnly('draw_results', '抽取结果一经确定不可修改', '抽取结果不可删除')}
    `);
  },
};
