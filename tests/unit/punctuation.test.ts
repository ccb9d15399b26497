import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UPS, RESULT_CATEGORIES } from '../../src-shared/domain/results';

// Every Chinese sentence the clerk reads or prints uses full-width punctuation: an ASCII , : ; ( ) ? ! touching a
// Chinese character inside a string or JSX text that holds Chinese is an offender, named by file:line.
const ROOT = join(__dirname, '../..');
const DIRS = ['src-main', 'src-shared', 'src-renderer/src', 'src-verify'];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// A mark beside full-width punctuation or a Chinese quote is inside a Chinese sentence too.
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff1f\u201c\u201d]/;
const ASCII_MARK = /[,:;()?!]/;
const HOLE = '\u0000';

/** What stays half-width on purpose, each with the reason. */
const ALLOWED_FOLDERS = [
  // Released migrations are frozen: their SQL text (comments, trigger messages) is what ran on every database.
  'src-main/db/migrations/',
];
// The standard result vocabularies are stored data: saved results hold them verbatim (zod enums, audit chain, every
// existing database), so their spelling changes only with a data migration; pages and prints show them as stored.
const ALLOWED_TEXTS = new Set<string>([...RESULT_CATEGORIES, ...FOLLOW_UPS]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The ASCII marks in `text` with a Chinese character beside them (spaces between do not separate). */
function halfWidthMarks(text: string): string[] {
  if (!CJK.test(text)) return [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!ASCII_MARK.test(text[i])) continue;
    let before = i - 1;
    while (before >= 0 && text[before] === ' ') before--;
    let after = i + 1;
    while (after < text.length && text[after] === ' ') after++;
    if (CHINESE.test(text[before] ?? '') || CHINESE.test(text[after] ?? '')) {
      found.push(text.slice(Math.max(0, i - 6), i + 7).replaceAll(HOLE, '…'));
    }
  }
  return found;
}

function templateText(node: ts.TemplateExpression): string {
  return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(HOLE);
}

function offendersIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const check = (node: ts.Node, text: string): void => {
    const marks = ALLOWED_TEXTS.has(text) ? [] : halfWidthMarks(text);
    if (marks.length === 0) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    out.push(`${relative(ROOT, file)}:${line}  ${marks.map((m) => JSON.stringify(m)).join(' ')}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) check(node, node.text);
    else if (ts.isTemplateExpression(node)) check(node, templateText(node));
    else if (ts.isJsxText(node)) check(node, node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('full-width punctuation in Chinese strings', () => {
  it('finds a half-width mark beside Chinese and passes a full-width one', () => {
    expect(halfWidthMarks('共 3 户,分为 2 包')).toHaveLength(1);
    expect(halfWidthMarks('附表 (以下空白)')).toHaveLength(2);
    expect(halfWidthMarks('共 3 户，分为 2 包（以下空白）')).toEqual([]);
    expect(halfWidthMarks('a, b (c)')).toEqual([]);
    expect(halfWidthMarks('（现用于“甲”)')).toHaveLength(1);
  });

  it('has no offender in src-main, src-shared, src-renderer/src or src-verify', () => {
    const files = DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
    const scanned = files.filter((f) => !ALLOWED_FOLDERS.some((a) => relative(ROOT, f).startsWith(a)));
    const offenders = scanned.flatMap(offendersIn);
    expect(offenders).toEqual([]);
  });
});
