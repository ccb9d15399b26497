/** Reading a written 公示包 back: its site data, and the folder's files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SiteData } from '../../../src-main/publish/site-data';

export function readSite(dir: string): SiteData {
  const text = readFileSync(join(dir, 'data/site.js'), 'utf8');
  const prefix = 'window.SSJ_SITE = ';
  if (!text.startsWith(prefix)) throw new Error('data/site.js does not set window.SSJ_SITE');
  return JSON.parse(text.slice(prefix.length).trim().replace(/;$/, '')) as SiteData;
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path)];
    });
  return walk(dir).sort();
}
