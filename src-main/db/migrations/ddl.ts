/**
 * Trigger text that several migrations repeat. Frozen like them: SQLite keeps each trigger's text as written, so this
 * output is part of every applied database and must never change. It is laid out for a migration's statement list,
 * indented six spaces, and interpolated at that indentation.
 */

/** Refuses every UPDATE and every DELETE of a table whose rows are written once. */
export function appendOnly(table: string, noUpdate: string, noDelete: string): string {
  return [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}`,
    `        BEGIN SELECT RAISE(ABORT, '${noUpdate}'); END;`,
    `      CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}`,
    `        BEGIN SELECT RAISE(ABORT, '${noDelete}'); END;`,
  ].join('\n');
}

/** Admits a row only while the draw it names (new.draw_id) is in `state`. */
export function onlyWhileDraw(table: string, state: string, refusal: string): string {
  return [
    `CREATE TRIGGER ${table}_only_${state} BEFORE INSERT ON ${table}`,
    `        WHEN (SELECT state FROM draws WHERE id = new.draw_id) IS NOT '${state}'`,
    `        BEGIN SELECT RAISE(ABORT, '${refusal}'); END;`,
  ].join('\n');
}
