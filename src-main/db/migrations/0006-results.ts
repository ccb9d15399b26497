import type { Migration } from './index';
import { appendOnly } from './ddl';

/**
 * 检查结果 and what follows from them, with 全程留痕 enforced by the database:
 *
 *   results ─┬─ result_rows        per check sub-item: 符合/不符合/不涉及 and 发现问题情况
 *            └─ result_follow_ups  后续处置 of a reviewed result with a problem, tracked to 完结
 *   holiday_schedules              放假安排 entered by the administrator for years the program does not ship
 *
 * One result per (task, drawn entity) of a sealed draw: 未录入 (a draft, saved as typed) → 已录入 (consistent) →
 * 已审核, or 审核退回 with a reason and back to 已录入. A reviewed result is never changed or deleted: a correction is
 * a new row (corrects_id) that starts the cycle again, and the current result of a (task, entity) is the row no other
 * row corrects. The entry's lists (inspectors, 核查方式, 检查结果, 后续处置) are JSON arrays.
 */
export const m0006Results: Migration = {
  version: 6,
  name: 'results with sub-item rows, follow-ups, entered holiday schedules',
  up(db) {
    db.exec(`
      CREATE TABLE results (
        id                  INTEGER PRIMARY KEY,
        task_id             INTEGER NOT NULL REFERENCES tasks(id),
        draw_id             INTEGER NOT NULL REFERENCES draws(id),
        entity_id           INTEGER NOT NULL REFERENCES entities(id),
        -- A correction of a reviewed result names the row it corrects and why.
        corrects_id         INTEGER UNIQUE REFERENCES results(id),
        correction_reason   TEXT,
        state               TEXT NOT NULL CHECK (state IN ('未录入', '已录入', '已审核', '审核退回')),
        inspected_on        TEXT,
        inspector_ids       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(inspector_ids)),
        methods             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(methods)),
        categories          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories)),
        follow_ups          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(follow_ups)),
        follow_up_other     TEXT NOT NULL DEFAULT '',
        correction_deadline TEXT,
        end_state           TEXT CHECK (end_state IS NULL OR end_state IN ('注销', '吊销', '迁出', '已关闭停业')),
        note                TEXT NOT NULL DEFAULT '',
        saved_at            TEXT NOT NULL,
        saved_by            TEXT NOT NULL,
        entered_at          TEXT,
        entered_by          TEXT,
        reviewed_at         TEXT,
        reviewed_by         TEXT,
        return_reason       TEXT,
        CHECK (state = '未录入' OR (inspected_on IS NOT NULL AND entered_at IS NOT NULL AND entered_by IS NOT NULL)),
        CHECK (state NOT IN ('已审核', '审核退回') OR (reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL)),
        CHECK (state <> '审核退回' OR length(trim(coalesce(return_reason, ''))) > 0),
        CHECK (corrects_id IS NULL OR length(trim(coalesce(correction_reason, ''))) > 0)
      ) STRICT;
      CREATE UNIQUE INDEX results_first ON results(task_id, entity_id) WHERE corrects_id IS NULL;
      CREATE INDEX results_entity ON results(entity_id);
      CREATE INDEX results_state ON results(state, task_id);

      CREATE TRIGGER results_only_drawn BEFORE INSERT ON results
        WHEN (SELECT task_id FROM draws WHERE id = new.draw_id) IS NOT new.task_id
          OR NOT EXISTS (SELECT 1 FROM draw_selected WHERE draw_id = new.draw_id AND entity_id = new.entity_id)
        BEGIN SELECT RAISE(ABORT, '只能为已封存抽取的抽中对象登记检查结果'); END;
      CREATE TRIGGER results_insert_state BEFORE INSERT ON results WHEN new.state NOT IN ('未录入', '已录入')
        BEGIN SELECT RAISE(ABORT, '新的检查结果只能是未录入或已录入'); END;
      CREATE TRIGGER results_correction_of_reviewed BEFORE INSERT ON results
        WHEN new.corrects_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM results o WHERE o.id = new.corrects_id AND o.state = '已审核'
            AND o.task_id = new.task_id AND o.entity_id = new.entity_id AND o.draw_id = new.draw_id)
        BEGIN SELECT RAISE(ABORT, '只能更正同一对象已审核的检查结果'); END;
      CREATE TRIGGER results_reviewed_immutable BEFORE UPDATE ON results WHEN old.state = '已审核'
        BEGIN SELECT RAISE(ABORT, '已审核的检查结果不可修改，如需更正请另立更正记录'); END;
      CREATE TRIGGER results_no_delete BEFORE DELETE ON results
        BEGIN SELECT RAISE(ABORT, '检查结果不可删除'); END;
      CREATE TRIGGER results_fixed_fields BEFORE UPDATE ON results
        WHEN old.state <> '已审核' AND (new.task_id IS NOT old.task_id OR new.draw_id IS NOT old.draw_id
          OR new.entity_id IS NOT old.entity_id OR new.corrects_id IS NOT old.corrects_id
          OR new.correction_reason IS NOT old.correction_reason)
        BEGIN SELECT RAISE(ABORT, '检查结果所属的任务、抽取和对象不可修改'); END;
      CREATE TRIGGER results_transitions BEFORE UPDATE OF state ON results
        WHEN old.state <> '已审核' AND NOT (
          old.state = new.state
          OR (old.state = '未录入' AND new.state = '已录入')
          OR (old.state = '已录入' AND new.state IN ('未录入', '已审核', '审核退回'))
          OR (old.state = '审核退回' AND new.state = '已录入'))
        BEGIN SELECT RAISE(ABORT, '检查结果状态不能这样变更（未录入→已录入→已审核，或审核退回后重新录入）'); END;

      CREATE TABLE result_rows (
        result_id   INTEGER NOT NULL REFERENCES results(id),
        sub_item_id INTEGER NOT NULL REFERENCES item_sub_items(id),
        outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('符合', '不符合', '不涉及')),
        finding     TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (result_id, sub_item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER result_rows_reviewed_no_insert BEFORE INSERT ON result_rows
        WHEN (SELECT state FROM results WHERE id = new.result_id) = '已审核'
        BEGIN SELECT RAISE(ABORT, '已审核的检查结果不可修改，如需更正请另立更正记录'); END;
      CREATE TRIGGER result_rows_reviewed_no_update BEFORE UPDATE ON result_rows
        WHEN (SELECT state FROM results WHERE id = old.result_id) = '已审核'
          OR (SELECT state FROM results WHERE id = new.result_id) = '已审核'
        BEGIN SELECT RAISE(ABORT, '已审核的检查结果不可修改，如需更正请另立更正记录'); END;
      CREATE TRIGGER result_rows_reviewed_no_delete BEFORE DELETE ON result_rows
        WHEN (SELECT state FROM results WHERE id = old.result_id) = '已审核'
        BEGIN SELECT RAISE(ABORT, '已审核的检查结果不可修改，如需更正请另立更正记录'); END;

      -- 后续处置 to 完结: opened when a result with a problem is approved; once closed (with its note) it stays so.
      CREATE TABLE result_follow_ups (
        id           INTEGER PRIMARY KEY,
        result_id    INTEGER NOT NULL UNIQUE REFERENCES results(id),
        measure      TEXT NOT NULL,
        office       TEXT NOT NULL DEFAULT '',
        due_on       TEXT,
        closed_on    TEXT,
        closing_note TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL,
        CHECK ((closed_on IS NULL) = (closing_note IS NULL)),
        CHECK (closing_note IS NULL OR length(trim(closing_note)) > 0)
      ) STRICT;
      CREATE INDEX result_follow_ups_open ON result_follow_ups(closed_on, due_on);
      CREATE TRIGGER result_follow_ups_only_reviewed BEFORE INSERT ON result_follow_ups
        WHEN (SELECT state FROM results WHERE id = new.result_id) IS NOT '已审核'
        BEGIN SELECT RAISE(ABORT, '只有已审核的检查结果可以登记后续处置'); END;
      CREATE TRIGGER result_follow_ups_closed_immutable BEFORE UPDATE ON result_follow_ups
        WHEN old.closed_on IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '已完结的后续处置不可修改'); END;
      CREATE TRIGGER result_follow_ups_no_delete BEFORE DELETE ON result_follow_ups
        BEGIN SELECT RAISE(ABORT, '后续处置记录不可删除'); END;

      -- The latest entry for a year counts; a shipped year is never overridden (the services refuse it).
      CREATE TABLE holiday_schedules (
        id         INTEGER PRIMARY KEY,
        year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        holidays   TEXT NOT NULL CHECK (json_valid(holidays)),
        workdays   TEXT NOT NULL CHECK (json_valid(workdays)),
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX holiday_schedules_year ON holiday_schedules(year, id);
      ${appendOnly('holiday_schedules', '已录入的节假日安排不可修改，请重新录入该年度', '已录入的节假日安排不可删除')}
    `);
  },
};
