/** Pure import logic (no I/O): grid rows → header detection → records with problems. See src-main/imports. */
export * from './grid';
export * from './problems';
export * from './fields';
export * from './header';
export * from './values';
export * from './records';
export * from './items';
export * from './pipeline';
export * from './string-table';
export * from './kind';
export * from './value-guesses';
