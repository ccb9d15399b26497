/**
 * The 公示包 of a 50,000-entity year: `npx tsx bench/publish.ts [--entities 50000]`. Builds once, in
 * bench/out/publish.sqlite, a demo county of that many entities with one sealed draw whose candidates are all of them
 * (5 % drawn), then makes the package through PublishJobs — the worker the page uses — into bench/out/publish-run/,
 * and opens its index.html from disk in Chromium to time the search. Limits: package ≤ 30 s, each search ≤ 100 ms.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { createServices } from '../src-main/app/services';
import { defaultContext } from '../src-main/app/context';
import { openDatabase, withOpenDatabase } from '../src-main/db/connection';
import { qb, value } from '../src-main/db/sql';
import { loadDemoData } from '../src-main/demo/demo-data';
import { demoTaskInput } from '../src-main/demo/plan-demo';
import { resourcesDir } from '../src-main/documents/fonts';
import { PublishJobs } from '../src-main/publish/job';
import { drawAndSeal } from '../tests/fixtures/county';
import { filesUnder, readSite } from '../tests/integration/publish/site';
import { writeVerifyPage } from '../scripts/verify-page';

const args = process.argv.slice(2);
const ENTITIES = Number(args.includes('--entities') ? args[args.indexOf('--entities') + 1] : '50000');
const OUT = join(__dirname, 'out');
const DB = join(OUT, `publish-${ENTITIES}.sqlite`);
const RUN_DIR = join(OUT, 'publish-run');

/** The year of the base's one plan: the base outlives the calendar year it was built in. */
async function database(): Promise<number> {
  if (existsSync(DB))
    return withOpenDatabase(DB, { readonly: true }, (conn) => value(conn.raw, qb.selectFrom('plans').select('year'))!);
  const year = new Date().getFullYear();
  mkdirSync(OUT, { recursive: true });
  const conn = await openDatabase(DB, { migrate: true });
  loadDemoData(conn.raw, { entities: ENTITIES, actor: 'bench', now: new Date() });
  const services = createServices(conn, defaultContext('bench'));
  try {
    const plan = services.plans.save({ year, title: `公示包基准计划 ${ENTITIES}` });
    const input = demoTaskInput(conn.raw, plan.id, new Date(), {
      name: `公示包基准 ${ENTITIES} 户`,
      scope: { entityTypes: [], industries: [], areas: [], offices: [], tags: [], grades: [] },
      ratio: { mode: 'uniform', bp: 500 },
      excludeRecentYears: 0,
      packageSize: 8,
      maxPackagesPerInspector: 1000,
      clusterBy: 'none',
      requiredTags: [],
    });
    const task = services.tasks.save(input);
    services.plans.publish(plan.id);
    await drawAndSeal(services, task.id);
  } finally {
    await services.draws.dispose();
    await conn.close();
  }
  return year;
}

async function makePackage(year: number): Promise<number> {
  rmSync(RUN_DIR, { recursive: true, force: true });
  const jobs = new PublishJobs();
  try {
    const started = performance.now();
    const request = { jobId: 'bench', dbPath: DB, scope: { year }, out: RUN_DIR, resourcesDir: resourcesDir() };
    const outcome = await jobs.run(request, () => {});
    const seconds = (performance.now() - started) / 1000;
    const bytes = filesUnder(RUN_DIR).reduce((n, f) => n + statSync(join(RUN_DIR, f)).size, 0);
    console.log(
      `package: ${seconds.toFixed(1)} s (limit 30 s, ${((seconds / 30) * 100).toFixed(0)} %), ${outcome.tasks} task(s), ` +
        `${outcome.entities} candidates, ${outcome.files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`,
    );
    return seconds;
  } finally {
    await jobs.close();
  }
}

/** Times window.ssjSearch (the search and drawing its answer) for typical queries, in Chromium from disk. */
async function timeSearch(): Promise<number> {
  const site = readSite(RUN_DIR);
  const task = site.tasks[0];
  const [, name, code] = task.drawn[0];
  const notDrawn = task.strata.find((s) => s.codes.length > s.quota)!.codes.at(-1)!;
  const queries = [name, name.slice(0, 2), code, code.slice(0, 8), notDrawn, '不存在的名称'];
  const browser = await chromium.launch({ executablePath: process.env.SSJ_CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    const loadStart = performance.now();
    await page.goto(pathToFileURL(join(RUN_DIR, 'index.html')).href);
    await page.waitForFunction(() => 'ssjSearch' in window);
    console.log(`index.html loaded in ${(performance.now() - loadStart).toFixed(0)} ms`);
    let worst = 0;
    for (const q of queries) {
      const ms = await page.evaluate((text) => {
        const search = (window as unknown as { ssjSearch: (t: string) => number }).ssjSearch;
        const runs: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          search(text);
          runs.push(performance.now() - t0);
        }
        return runs.sort((a, b) => a - b)[2];
      }, q);
      worst = Math.max(worst, ms);
      console.log(`search ${JSON.stringify(q)}: ${ms.toFixed(1)} ms (median of 5; limit 100 ms)`);
    }
    return worst;
  } finally {
    await browser.close();
  }
}

async function main() {
  await writeVerifyPage();
  const year = await database();
  const seconds = await makePackage(year);
  const worst = await timeSearch();
  console.log(`worst search ${worst.toFixed(1)} ms; package ${seconds.toFixed(1)} s`);
}

void main();
