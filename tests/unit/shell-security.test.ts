/**
 * The Electron shell's checks that need no Electron binary: the sender/navigation trust check, the app:// handler's
 * answers, and the fuses electron-builder flips at packaging (read with electron-builder's own loader and schema).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { afterAll, describe, expect, it } from 'vitest';
import { appResponse, decodeUrlPath, isTrustedUrl } from '../../src-main/serving';

const DEV = 'http://localhost:5173';

describe('the trust check on a page URL', () => {
  it('trusts the app origin and, given the dev server, exactly its origin', () => {
    expect(isTrustedUrl('app://ssj/index.html')).toBe(true);
    expect(isTrustedUrl('app://ssj/index.html#/results')).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/index.html#/plans', DEV)).toBe(true);
  });

  it('refuses look-alikes a prefix match would have trusted', () => {
    for (const url of [
      'http://localhost:5173@evil.example/',
      'http://localhost:51730/',
      'http://localhost:5173.evil.example/',
      'https://localhost:5173/',
      'http://user@localhost:5173/',
      'app://ssj@evil/',
      'app://ssj.evil/',
      'app://ssj:80/',
      'app://other/index.html',
      'file:///C:/app/index.html',
      'not a url',
      '',
    ]) {
      expect(isTrustedUrl(url, DEV), url).toBe(false);
    }
  });

  it('trusts no http origin without a dev server (the packaged app)', () => {
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', '')).toBe(false);
    expect(isTrustedUrl('file:///x/index.html', 'file:///x/index.html')).toBe(false);
  });
});

describe('the app:// protocol handler', () => {
  const root = mkdtempSync(join(tmpdir(), 'ssj-serve-'));
  mkdirSync(join(root, 'renderer'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  const dir = join(root, 'renderer');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves a file of the renderer with the CSP header', async () => {
    const res = await appResponse(dir, 'app://ssj/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>ok</title>');
  });

  it('answers a malformed %-escape with 400 instead of throwing', async () => {
    expect(decodeUrlPath('/%E4%B8')).toBeNull();
    for (const url of ['app://ssj/%E4%B8', 'app://ssj/%zz.js', 'app://ssj/%', 'app://ssj/a%2']) {
      expect((await appResponse(dir, url)).status, url).toBe(400);
    }
  });

  it('refuses a path out of the folder, encoded or not, and answers 404 for anything else', async () => {
    expect((await appResponse(dir, 'app://ssj/..%2Fsecret.txt')).status).toBe(403);
    expect((await appResponse(dir, 'app://ssj/%2E%2E%2Fsecret.txt')).status).toBe(403);
    expect((await appResponse(dir, 'app://ssj/%00.html')).status).toBe(403);
    expect((await appResponse(dir, 'app://ssj/missing.js')).status).toBe(404);
    expect((await appResponse(dir, 'app://other/index.html')).status).toBe(404);
    expect((await appResponse(dir, 'not a url')).status).toBe(404);
  });
});

describe('the Electron fuses in electron-builder.yml', () => {
  it('turns off every fuse the app does not need, as electron-builder reads and validates them', async () => {
    const config = await getConfig(resolve(__dirname, '../..'), null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });
});
