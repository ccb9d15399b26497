import type { Migration } from './index';
import { appendOnly, onlyWhileDraw } from './ddl';

/**
 * 年度抽查工作计划, 抽查任务 and the witnessed draw (DRAW-SPEC §11), with what the law calls 全程留痕 enforced by the
 * database itself, not only by the services:
 *
 *   plans ─┬─ plan_versions     frozen published snapshots (PlanPublication JSON + the task configs), each with the
 *          │                    reason for the change; append-only
 *          └─ tasks ─┬─ task_items, task_departments (联合抽查)
 *                    └─ draws ─┬─ draw_inputs      C(inputs): the exact bytes whose SHA-256 is inputDigest
 *                              ├─ draw_witnesses   entropy, in order; only while the draw is committed
 *                              ├─ draw_proofs      the sealed proof (v1 at 封存, +1 per 递补), append-only
 *                              ├─ draw_amendments  递补, append-only, only on a sealed draw
 *                              ├─ draw_selected    the drawn entities (entity id, package, key), written at 封存
 *                              └─ draw_roster_dates  marks that the drawn entities' 最近被抽查日期 were set
 *   joint_visits ─ joint_visit_tasks              进一次门、查多项事: one visit for tasks that drew the same entity
 *
 * The draw is a state machine: prepared → committed → revealed → sealed, and committed/revealed → voided (with a
 * reason). Triggers refuse every other transition, any change to a sealed or voided draw, and deleting a draw that
 * was ever committed: "never deleted, never silently re-drawn" holds even against a program bug or a hand edit
 * through the SQLite shell that forgets itself. (It does not stop someone who drops the triggers first: the audit
 * log and the published proof are the answer to that.)
 *
 * One committed draw per task: a UNIQUE partial index over task_id for the committed/revealed/sealed states. Two
 * clerks may both prepare (nothing is public yet), but the second one's commit fails in the database — there is no
 * check-then-write window to race through.
 *
 * The nonce (DRAW-SPEC §3) is written only at commit (the prepared row has none) and the services never return it
 * before the draw is revealed. C(inputs) is kept as the exact canonical bytes that were digested, not re-serialised
 * from tables: the proof must reproduce them byte for byte. They are stored DEFLATE-compressed (draw-views.packInputs):
 * ~84 MB of JSON for 1,000,000 candidates becomes ~9 MB. The sealed proof is stored without its `inputs` member, which is spliced back
 * from draw_inputs on export (see draw-service), so the 80 MB are stored once.
 */
export const m0003PlansDraws: Migration = {
  version: 3,
  name: 'annual plans with published versions, tasks, draws with sealed proofs, amendments, joint visits',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id         INTEGER PRIMARY KEY,
        year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
        status     TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '已公示')),
        -- The latest published version; 0 while a draft.
        version    INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (year, title),
        CHECK ((status = '草稿') = (version = 0))
      ) STRICT;
      CREATE TRIGGER plans_no_delete_published BEFORE DELETE ON plans WHEN old.version > 0
        BEGIN SELECT RAISE(ABORT, '已公示的计划不可删除'); END;
      CREATE TRIGGER plans_no_unpublish BEFORE UPDATE OF version, status ON plans WHEN new.version < old.version
        BEGIN SELECT RAISE(ABORT, '已公示的计划不能撤回为草稿,只能发布新版本'); END;

      CREATE TABLE plan_versions (
        id           INTEGER PRIMARY KEY,
        plan_id      INTEGER NOT NULL REFERENCES plans(id),
        version      INTEGER NOT NULL CHECK (version >= 1),
        published_at TEXT NOT NULL,
        actor        TEXT NOT NULL,
        -- Why this version replaced the previous one; required from version 2 on.
        reason       TEXT,
        -- PlanPublication (src-shared/domain/documents.ts) exactly as published.
        publication  TEXT NOT NULL CHECK (json_valid(publication)),
        -- The task configurations at publication, so an old version can be read in full later.
        tasks        TEXT NOT NULL CHECK (json_valid(tasks)),
        UNIQUE (plan_id, version),
        CHECK (version = 1 OR length(trim(coalesce(reason, ''))) > 0)
      ) STRICT;
      ${appendOnly('plan_versions', '已公示的计划版本不可修改', '已公示的计划版本不可删除')}

      CREATE TABLE tasks (
        id              INTEGER PRIMARY KEY,
        plan_id         INTEGER NOT NULL REFERENCES plans(id),
        year            INTEGER NOT NULL,
        -- 序号 within the year; number = 机关简称 + 抽查〔年〕 + 序号 + 号, fixed at creation.
        seq             INTEGER NOT NULL CHECK (seq >= 1),
        number          TEXT NOT NULL UNIQUE,
        name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
        lead_department TEXT NOT NULL CHECK (length(trim(lead_department)) > 0),
        start_date      TEXT NOT NULL,
        end_date        TEXT NOT NULL,
        frequency       TEXT NOT NULL DEFAULT '',
        -- 'grades': ratio per credit grade (信用规则关联); 'uniform': one ratio; 'fixed': a fixed count.
        ratio_mode      TEXT NOT NULL CHECK (ratio_mode IN ('grades', 'uniform', 'fixed')),
        -- TaskConfig JSON (src-shared/domain/tasks.ts): scope, ratios, team rules, inspector scope, conflicts.
        config          TEXT NOT NULL CHECK (json_valid(config)),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        UNIQUE (year, seq),
        CHECK (start_date <= end_date)
      ) STRICT;
      CREATE INDEX tasks_plan ON tasks(plan_id, seq);
      -- A task of a published plan is part of a public document: it changes through a new version, never vanishes.
      CREATE TRIGGER tasks_no_delete_published BEFORE DELETE ON tasks
        WHEN (SELECT version FROM plans WHERE id = old.plan_id) > 0
        BEGIN SELECT RAISE(ABORT, '已公示计划中的任务不可删除'); END;

      CREATE TABLE task_items (
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items(id),
        PRIMARY KEY (task_id, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX task_items_item ON task_items(item_id);

      -- Joining departments (联合抽查); the lead department is tasks.lead_department.
      CREATE TABLE task_departments (
        task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        ordinal    INTEGER NOT NULL,
        department TEXT NOT NULL,
        PRIMARY KEY (task_id, department)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE draws (
        id           INTEGER PRIMARY KEY,
        task_id      INTEGER NOT NULL REFERENCES tasks(id),
        -- 1 + the task's voided committed draws: the next attempt after a void names it in its inputs. Two clerks'
        -- concurrent preparations share a number; only one of them can commit.
        attempt      INTEGER NOT NULL CHECK (attempt >= 1),
        state        TEXT NOT NULL CHECK (state IN ('prepared', 'committed', 'revealed', 'sealed', 'voided')),
        prepared_at  TEXT NOT NULL,
        prepared_by  TEXT NOT NULL,
        input_digest TEXT NOT NULL CHECK (length(input_digest) = 64),
        -- What 准备 found: strata counts, pool size, feasibility report, notices (DrawPreparation JSON).
        summary      TEXT NOT NULL CHECK (json_valid(summary)),
        committed_at TEXT,
        committed_by TEXT,
        place        TEXT,
        operator     TEXT,
        supervisor   TEXT,
        nonce        TEXT CHECK (nonce IS NULL OR length(nonce) = 64),
        nonce_commit TEXT CHECK (nonce_commit IS NULL OR length(nonce_commit) = 64),
        revealed_at  TEXT,
        seed         TEXT CHECK (seed IS NULL OR length(seed) = 64),
        -- The proof without inputs, as derived at 揭晓 (JSON); sealed into draw_proofs at 封存.
        result       TEXT CHECK (result IS NULL OR json_valid(result)),
        sealed_at    TEXT,
        sealed_by    TEXT,
        voided_at    TEXT,
        voided_by    TEXT,
        void_reason  TEXT,
        CHECK (state IN ('prepared', 'voided') OR (nonce IS NOT NULL AND nonce_commit IS NOT NULL AND committed_at IS NOT NULL)),
        CHECK (state NOT IN ('revealed', 'sealed') OR (seed IS NOT NULL AND result IS NOT NULL)),
        CHECK (state <> 'sealed' OR sealed_at IS NOT NULL),
        CHECK (state <> 'voided' OR length(trim(coalesce(void_reason, ''))) > 0)
      ) STRICT;
      CREATE UNIQUE INDEX draws_one_committed_per_task ON draws(task_id) WHERE state IN ('committed', 'revealed', 'sealed');

      CREATE TRIGGER draws_no_delete BEFORE DELETE ON draws WHEN old.state <> 'prepared'
        BEGIN SELECT RAISE(ABORT, '已承诺或已作废的抽取不可删除'); END;
      CREATE TRIGGER draws_sealed_immutable BEFORE UPDATE ON draws WHEN old.state = 'sealed'
        BEGIN SELECT RAISE(ABORT, '已封存的抽取不可修改'); END;
      CREATE TRIGGER draws_voided_immutable BEFORE UPDATE ON draws WHEN old.state = 'voided'
        BEGIN SELECT RAISE(ABORT, '已作废的抽取不可修改'); END;
      -- The two below leave sealed and voided rows to the triggers above, so each refusal names its real reason.
      CREATE TRIGGER draws_transitions BEFORE UPDATE OF state ON draws
        WHEN old.state NOT IN ('sealed', 'voided') AND NOT (
          old.state = new.state
          OR (old.state = 'prepared' AND new.state IN ('committed', 'voided'))
          OR (old.state = 'committed' AND new.state IN ('revealed', 'voided'))
          OR (old.state = 'revealed' AND new.state IN ('sealed', 'voided'))
        )
        BEGIN SELECT RAISE(ABORT, '抽取状态不能这样变更(只能 准备→承诺→揭晓→封存,或作废)'); END;
      -- What was fixed stays fixed: the task, the inputs, and — once set — the commitment, the seed, the result.
      CREATE TRIGGER draws_fixed_fields BEFORE UPDATE ON draws
        WHEN old.state NOT IN ('sealed', 'voided') AND (
          new.task_id IS NOT old.task_id OR new.attempt IS NOT old.attempt OR new.input_digest IS NOT old.input_digest
          OR new.prepared_at IS NOT old.prepared_at OR new.summary IS NOT old.summary
          OR (old.nonce IS NOT NULL AND new.nonce IS NOT old.nonce)
          OR (old.nonce_commit IS NOT NULL AND new.nonce_commit IS NOT old.nonce_commit)
          OR (old.committed_at IS NOT NULL AND (new.committed_at IS NOT old.committed_at OR new.operator IS NOT old.operator
              OR new.supervisor IS NOT old.supervisor OR new.place IS NOT old.place))
          OR (old.seed IS NOT NULL AND new.seed IS NOT old.seed)
          OR (old.result IS NOT NULL AND new.result IS NOT old.result))
        BEGIN SELECT RAISE(ABORT, '抽取的输入、承诺和结果一经确定不可修改'); END;

      CREATE TABLE draw_inputs (
        draw_id   INTEGER PRIMARY KEY REFERENCES draws(id),
        -- C(inputs) (DRAW-SPEC §1–2) compressed with raw DEFLATE: SHA-256 of the inflated bytes is draws.input_digest.
        canonical BLOB NOT NULL
      ) STRICT;
      CREATE TRIGGER draw_inputs_no_update BEFORE UPDATE ON draw_inputs
        BEGIN SELECT RAISE(ABORT, '抽取输入不可修改'); END;
      -- Only the inputs of a draw that was never committed may go (a superseded preparation).
      CREATE TRIGGER draw_inputs_no_delete BEFORE DELETE ON draw_inputs
        WHEN (SELECT committed_at FROM draws WHERE id = old.draw_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '已承诺抽取的输入不可删除'); END;

      CREATE TABLE draw_witnesses (
        id         INTEGER PRIMARY KEY,
        draw_id    INTEGER NOT NULL REFERENCES draws(id),
        ordinal    INTEGER NOT NULL CHECK (ordinal >= 1),
        -- 'witness': one witness's value, in order; 'public': the optional public value (e.g. a lottery result).
        kind       TEXT NOT NULL CHECK (kind IN ('witness', 'public')),
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role       TEXT NOT NULL DEFAULT '',
        value      TEXT NOT NULL CHECK (length(trim(value)) > 0),
        entered_at TEXT NOT NULL,
        actor      TEXT NOT NULL,
        UNIQUE (draw_id, ordinal)
      ) STRICT;
      CREATE UNIQUE INDEX draw_witnesses_one_public ON draw_witnesses(draw_id) WHERE kind = 'public';
      ${onlyWhileDraw('draw_witnesses', 'committed', '只有已承诺、尚未揭晓的抽取可以录入见证值')}
      ${appendOnly('draw_witnesses', '见证值不可修改', '见证值不可删除')}

      CREATE TABLE draw_proofs (
        id        INTEGER PRIMARY KEY,
        draw_id   INTEGER NOT NULL REFERENCES draws(id),
        -- 1 at 封存; each 递补 adds the next version (the proof gains the amendment, DRAW-SPEC §7).
        version   INTEGER NOT NULL CHECK (version >= 1),
        sealed_at TEXT NOT NULL,
        -- The ssj-draw/1 proof without its "inputs" member (spliced back from draw_inputs on export).
        body      TEXT NOT NULL CHECK (json_valid(body)),
        -- DrawRecordResult (src-shared/domain/documents.ts) as printed: names frozen at this moment.
        record    TEXT NOT NULL CHECK (json_valid(record)),
        UNIQUE (draw_id, version)
      ) STRICT;
      ${onlyWhileDraw('draw_proofs', 'sealed', '只有已封存的抽取可以保存抽取记录')}
      ${appendOnly('draw_proofs', '已封存的抽取记录不可修改', '已封存的抽取记录不可删除')}

      CREATE TABLE draw_amendments (
        id         INTEGER PRIMARY KEY,
        draw_id    INTEGER NOT NULL REFERENCES draws(id),
        ordinal    INTEGER NOT NULL CHECK (ordinal >= 1),
        package_no INTEGER NOT NULL CHECK (package_no >= 1),
        out_id     TEXT NOT NULL,
        in_id      TEXT NOT NULL,
        reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        UNIQUE (draw_id, ordinal)
      ) STRICT;
      ${onlyWhileDraw('draw_amendments', 'sealed', '只有已封存的抽取可以递补人员')}
      ${appendOnly('draw_amendments', '递补记录不可修改', '递补记录不可删除')}

      -- The drawn entities of a sealed draw, for record sheets, results and joint visits (by entity).
      CREATE TABLE draw_selected (
        draw_id    INTEGER NOT NULL REFERENCES draws(id),
        entity_id  INTEGER NOT NULL REFERENCES entities(id),
        code       TEXT NOT NULL,
        stratum    TEXT NOT NULL,
        -- 1-based rank within its stratum (抽取顺序号); key is the published draw number (hex).
        rank       INTEGER NOT NULL CHECK (rank >= 1),
        key        TEXT NOT NULL,
        package_no INTEGER NOT NULL CHECK (package_no >= 1),
        PRIMARY KEY (draw_id, entity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX draw_selected_entity ON draw_selected(entity_id);
      ${onlyWhileDraw('draw_selected', 'sealed', '只有已封存的抽取可以登记抽中对象')}
      ${appendOnly('draw_selected', '抽中对象名单不可修改', '抽中对象名单不可删除')}

      -- 最近被抽查日期 of a sealed draw's entities is set by a follow-up step right after 封存 (draw-steps.rosterDatesStep),
      -- not inside it: at city scale it rewrites tens of thousands of scattered roster pages, which the ceremony need not
      -- wait for. This row is written in the same transaction as those updates; a sealed draw without it is caught up
      -- before the next 准备 (so the recent-inspection exclusion always sees it).
      CREATE TABLE draw_roster_dates (
        draw_id  INTEGER PRIMARY KEY REFERENCES draws(id),
        done_at  TEXT NOT NULL,
        -- Entities whose date moved (the others already had this date or a later one).
        updated  INTEGER NOT NULL
      ) STRICT;
      ${appendOnly('draw_roster_dates', '登记记录不可修改', '登记记录不可删除')}

      -- 进一次门、查多项事: tasks of different departments that drew the same entity in overlapping windows,
      -- merged by the clerk into one visit with the union of their items.
      CREATE TABLE joint_visits (
        id         INTEGER PRIMARY KEY,
        entity_id  INTEGER NOT NULL REFERENCES entities(id),
        -- Union of the tasks' item ids, in task order (JSON array).
        items      TEXT NOT NULL CHECK (json_valid(items)),
        -- The window every merged task allows: the overlap of their windows.
        start_date TEXT NOT NULL,
        end_date   TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        actor      TEXT NOT NULL,
        CHECK (start_date <= end_date)
      ) STRICT;
      CREATE INDEX joint_visits_entity ON joint_visits(entity_id);
      CREATE TABLE joint_visit_tasks (
        visit_id  INTEGER NOT NULL REFERENCES joint_visits(id),
        task_id   INTEGER NOT NULL REFERENCES tasks(id),
        draw_id   INTEGER NOT NULL REFERENCES draws(id),
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (visit_id, task_id),
        -- An entity's inspection under one task belongs to one visit at most.
        UNIQUE (entity_id, task_id)
      ) STRICT;
      ${appendOnly('joint_visits', '已确认的联合检查记录不可修改', '已确认的联合检查记录不可删除')}
      ${appendOnly('joint_visit_tasks', '已确认的联合检查记录不可修改', '已确认的联合检查记录不可删除')}
    `);
  },
};
