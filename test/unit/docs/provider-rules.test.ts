import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerProblems, parseLedger, type LedgerFiles } from './ledger-check.js';

const root = join(import.meta.dirname, '../../..');
const ledgerPath = join(root, 'docs/provider-rules.md');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return /\.(test|spec)\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

const repoFiles: LedgerFiles = {
  read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
  // The ledger check's own test feeds it made-up ids; it is not a test of a rule.
  testFiles: () => walk(join(root, 'test')).filter((path) => !path.startsWith('test/unit/docs/')),
};

describe('docs/provider-rules.md', () => {
  it('has tests on both sides for every rule, and every named test exists and names its rule', () => {
    expect(ledgerProblems(readFileSync(ledgerPath, 'utf8'), repoFiles)).toEqual([]);
  });
});

describe('the ledger check', () => {
  const header = '| id | operation | rule (quoted) | the line | the app | line tests | app tests |\n|---|---|---|---|---|---|---|\n';
  const files = (texts: Record<string, string>): LedgerFiles => ({
    read: (path) => texts[path],
    testFiles: () => Object.keys(texts),
  });
  const good = {
    'test/unit/sandbox/a.test.ts': "it('[CC-01] refuses', () => {})",
    'test/unit/calls/b.test.ts': "it('[CC-01] copes', () => {})",
  };
  const row = (line: string, app: string, quote = '"Only then."') =>
    `${header}| CC-01 | POST /x | ${quote} | refuses | copes | ${line} | ${app} |\n`;

  it('reads a row with its tests on each side', () => {
    const [parsed] = parseLedger(row('`test/unit/sandbox/a.test.ts`', '`test/unit/calls/b.test.ts`<br>`test/e2e/c.spec.ts`'));
    expect(parsed).toMatchObject({ id: 'CC-01', lineTests: ['test/unit/sandbox/a.test.ts'], appTests: ['test/unit/calls/b.test.ts', 'test/e2e/c.spec.ts'] });
  });

  it('accepts an honest row', () => {
    expect(ledgerProblems(row('`test/unit/sandbox/a.test.ts`', '`test/unit/calls/b.test.ts`'), files(good))).toEqual([]);
  });

  it('finds a rule without a test on one side', () => {
    expect(ledgerProblems(row('`test/unit/sandbox/a.test.ts`', ''), files(good))).toContain('CC-01: no app test');
  });

  it('finds a named test file that does not exist or does not name the rule', () => {
    const problems = ledgerProblems(row('`test/unit/sandbox/gone.test.ts`', '`test/unit/calls/b.test.ts`'), files({ ...good, 'test/unit/calls/b.test.ts': "it('copes')" }));
    expect(problems).toContain('CC-01: test/unit/sandbox/gone.test.ts does not exist');
    expect(problems).toContain('CC-01: test/unit/calls/b.test.ts has no test titled with [CC-01]');
  });

  it('finds an app test offered as the line side, and the line offered as the app side', () => {
    const problems = ledgerProblems(row('`test/unit/calls/b.test.ts`', '`test/unit/sandbox/a.test.ts`'), files(good));
    expect(problems).toContain('CC-01: test/unit/calls/b.test.ts is not on the line side');
    expect(problems).toContain('CC-01: test/unit/sandbox/a.test.ts is not on the app side');
  });

  it('finds a test naming a rule that is not in the ledger, and an unquoted rule', () => {
    const problems = ledgerProblems(row('`test/unit/sandbox/a.test.ts`', '`test/unit/calls/b.test.ts`', 'no quote'), files({ ...good, 'test/e2e/x.spec.ts': "test('[CC-99] …')" }));
    expect(problems).toContain('test/e2e/x.spec.ts names [CC-99], which is not a row of the ledger');
    expect(problems).toContain('CC-01: the rule is not quoted');
  });
});
