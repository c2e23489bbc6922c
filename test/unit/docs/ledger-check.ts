/**
 * Reads docs/provider-rules.md and says what makes it dishonest: a rule without a test on
 * either side, a named test file that is missing or does not name the rule, or a test that
 * names a rule the ledger does not have. Pure over its inputs so its own test can feed it
 * broken ledgers.
 */
export interface LedgerRow {
  readonly id: string;
  readonly operation: string;
  readonly quote: string;
  readonly lineTests: readonly string[];
  readonly appTests: readonly string[];
}

export interface LedgerFiles {
  /** The file's text, or undefined when it does not exist. Paths are relative to the repo. */
  read(path: string): string | undefined;
  /** Every test file under test/, relative to the repo. */
  testFiles(): readonly string[];
}

const ID = /^[A-Z]+-\d{2,}$/;
const ID_IN_TEST = /\[([A-Z]+-\d{2,})\]/g;
const LINE_SIDE = [/^test\/unit\/sandbox\//, /^test\/contract\//];
const APP_SIDE_EXCLUDED = [...LINE_SIDE, /^test\/line-kit\//, /^test\/unit\/line-kit\//];

export function parseLedger(markdown: string): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = splitRow(line);
    if (!ID.test(cells[0] ?? '')) continue;
    rows.push({
      id: cells[0]!,
      operation: cells[1] ?? '',
      quote: cells[2] ?? '',
      lineTests: pathsIn(cells[5] ?? ''),
      appTests: pathsIn(cells[6] ?? ''),
    });
  }
  return rows;
}

export function ledgerProblems(markdown: string, files: LedgerFiles): string[] {
  const rows = parseLedger(markdown);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const row of rows) {
    if (ids.has(row.id)) problems.push(`${row.id}: listed twice`);
    ids.add(row.id);
    if (!/["“]/.test(row.quote)) problems.push(`${row.id}: the rule is not quoted`);
    if (row.operation.trim() === '') problems.push(`${row.id}: no operation`);
    checkSide(row, 'line', row.lineTests, (p) => LINE_SIDE.some((re) => re.test(p)), files, problems);
    checkSide(row, 'app', row.appTests, (p) => !APP_SIDE_EXCLUDED.some((re) => re.test(p)), files, problems);
  }
  for (const path of files.testFiles()) {
    const text = files.read(path) ?? '';
    const named = new Set([...text.matchAll(ID_IN_TEST)].map((match) => match[1]!));
    for (const id of named) {
      if (!ids.has(id)) problems.push(`${path} names [${id}], which is not a row of the ledger`);
    }
  }
  return problems;
}

function checkSide(
  row: LedgerRow,
  side: 'line' | 'app',
  paths: readonly string[],
  belongs: (path: string) => boolean,
  files: LedgerFiles,
  problems: string[],
): void {
  if (paths.length === 0) problems.push(`${row.id}: no ${side} test`);
  for (const path of paths) {
    if (!belongs(path)) problems.push(`${row.id}: ${path} is not on the ${side} side`);
    const text = files.read(path);
    if (text === undefined) problems.push(`${row.id}: ${path} does not exist`);
    else if (!text.includes(`[${row.id}]`)) problems.push(`${row.id}: ${path} has no test titled with [${row.id}]`);
  }
}

function splitRow(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|\s*$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function pathsIn(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((p) => p.startsWith('test/'));
}
