/**
 * Electron's security checklist items that need a check of their own, beyond the window, CSP,
 * IPC and packaging tests that already exist; and a check that docs/security.md covers all 20
 * items, each with a test file that exists or a written reason it does not apply.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiBaseUrl } from '../../preload/contract.js';
import { externalUrlProblem, guardedOpenExternal } from '../../main/window/external-url.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('1. only secure content', () => {
  it.each([
    ['https://webexapis.com/v1', true],
    ['http://127.0.0.1:7001/v1', true],
    ['http://localhost:7001/v1', true],
    ['http://webexapis.com/v1', false],
    ['http://192.168.1.10/v1', false],
    ['ftp://webexapis.com/v1', false],
    ['https://user:pw@webexapis.com/v1', false],
  ])('a provider address %s is accepted: %s', (url, ok) => {
    expect(ApiBaseUrl.safeParse(url).success).toBe(ok);
  });
});

describe('15. shell.openExternal only for https and the sign-in page', () => {
  it.each([
    'https://webexapis.com/v1/authorize?client_id=C1&state=s',
    'http://127.0.0.1:7001/v1/authorize?client_id=C1',
    'http://localhost:7001/v1/authorize',
  ])('opens %s', (url) => {
    expect(externalUrlProblem(url)).toBeUndefined();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker.example/share/payload.exe',
    'ms-msdt:/id PCWDiagnostic',
    'http://evil.example/authorize',
    'https://user:pass@webexapis.com/',
    'calldeck://app/index.html',
    'not a url',
    `https://webexapis.com/${'a'.repeat(9000)}`,
  ])('refuses %s', (url) => {
    expect(externalUrlProblem(url)).toMatch(/./);
  });

  it('the guard never hands a refused URL to the OS, and passes an allowed one through', async () => {
    const opened: string[] = [];
    const open = guardedOpenExternal(async (url) => void opened.push(url));
    await expect(open('file:///etc/passwd')).rejects.toThrow('CallDeck only opens https:// addresses');
    await open('https://webexapis.com/v1/authorize');
    expect(opened).toEqual(['https://webexapis.com/v1/authorize']);
  });

  it('is the only way main reaches shell.openExternal', () => {
    const callers = filesUnder('main').filter((path) => /shell\.openExternal\(/.test(read(path)));
    expect(callers).toEqual(['main/adapters/desktop-ports.ts']);
    expect(read('main/adapters/desktop-ports.ts')).toMatch(/openExternal: guardedOpenExternal\(\(url\) => shell\.openExternal\(url\)\)/);
  });
});

describe('18. a custom protocol instead of file://', () => {
  it('windows load calldeck:// URLs only, never loadFile or file:', () => {
    const sources = filesUnder('main').map((path) => [path, read(path)] as const);
    expect(sources.filter(([, text]) => /\.loadFile\(|loadURL\(\s*['"`]file:/.test(text)).map(([path]) => path)).toEqual([]);
    expect(read('main/adapters/main-window.ts')).toMatch(/loadURL\(APP_ENTRY_URL\)/);
    expect(read('main/window/app-origin.ts')).toMatch(/calldeck:\/\/app/);
  });
});

describe('19. fuses', () => {
  it('also takes file:// privileges away (grantFileProtocolExtraPrivileges)', () => {
    const fuses = /^electronFuses:\n((?: {2}.+\n)+)/m.exec(read('electron-builder.yml'))?.[1] ?? '';
    expect(fuses).toMatch(/^ {2}grantFileProtocolExtraPrivileges: false$/m);
  });
});

describe('16. a current Electron', () => {
  it('the installed Electron is the one package.json asks for, at a major no older than 45', () => {
    const wanted = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron ?? '';
    const installed = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version;
    const major = Number(installed.split('.')[0]);
    expect(wanted.replace(/^[\^~]/, '').split('.')[0]).toBe(String(major));
    // Raise this floor with each upgrade; Electron supports the latest three majors.
    expect(major).toBeGreaterThanOrEqual(45);
  });
});

describe('docs/security.md', () => {
  const doc = read('docs/security.md');
  const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line));

  it('has one row for each of the 20 items of Electron\'s checklist, in order', () => {
    expect(rows.map((row) => Number(/^\| (\d+) \|/.exec(row)?.[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('every row names a test that exists, or says why the item does not apply', () => {
    for (const row of rows) {
      const tests = [...row.matchAll(/`(test\/[^`]+?\.(?:test|spec)\.tsx?)`/g)].map((m) => m[1] ?? '');
      const notApplicable = /Does not apply:/.test(row);
      expect(tests.length > 0 || notApplicable, row).toBe(true);
      for (const path of tests) expect(existsSync(join(root, path)), `${path} (in: ${row.slice(0, 60)})`).toBe(true);
    }
  });
});
