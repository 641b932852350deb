// `npm run test:reliability [-- --quick] [vitest filters...]`: runs the reliability suite with vitest, then prints
// one table row per scenario (faults injected, invariants checked, violations). Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioRecord } from './support/report';

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.RELIABILITY_QUICK === '1';
const passThrough = args.filter((arg) => arg !== '--quick');
const report = join(tmpdir(), `magflow-reliability-${process.pid}-${Date.now()}.jsonl`);

const vitest = spawnSync(
  process.execPath,
  [
    join(__dirname, '..', '..', 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    'vitest.reliability.config.mts',
    ...passThrough,
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, RELIABILITY_REPORT: report, RELIABILITY_QUICK: quick ? '1' : '0' },
  },
);

const records: ScenarioRecord[] = existsSync(report)
  ? readFileSync(report, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ScenarioRecord)
  : [];
rmSync(report, { force: true });

const wrap = (text: string, width: number): string[] => {
  const lines: string[] = [];
  for (const part of text.split('; ')) {
    let rest = part;
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    lines.push(rest);
  }
  return lines;
};

const columns = [
  { title: 'scenario', width: 30 },
  { title: 'faults injected', width: 44 },
  { title: 'invariants', width: 10 },
  { title: 'violations', width: 10 },
  { title: 'time', width: 7 },
];
const line = (cells: string[][]): string[] => {
  const height = Math.max(...cells.map((c) => c.length));
  return Array.from({ length: height }, (_, row) =>
    cells.map((c, i) => (c[row] ?? '').padEnd(columns[i]!.width)).join(' | '),
  );
};

const out: string[] = [];
out.push('', `MagFlow reliability suite (${quick ? 'quick CI subset' : 'full run'})`, '');
out.push(...line(columns.map((c) => [c.title])));
out.push(columns.map((c) => '-'.repeat(c.width)).join('-+-'));
let violations = 0;
for (const r of records) {
  violations += r.violations.length;
  out.push(
    ...line([
      wrap(r.scenario, columns[0]!.width),
      wrap(r.faults, columns[1]!.width),
      [String(r.invariants.length)],
      [String(r.violations.length)],
      [`${(r.durationMs / 1000).toFixed(1)}s`],
    ]),
  );
}
out.push('');
for (const r of records) {
  out.push(`${r.scenario}: checked ${r.invariants.join(', ')}`);
  for (const note of r.notes) out.push(`  note: ${note}`);
  for (const v of r.violations) out.push(`  VIOLATION: ${v}`);
}
out.push(
  '',
  `${records.length} scenarios, ${records.reduce((n, r) => n + r.invariants.length, 0)} invariants, ${violations} violations; vitest exit ${vitest.status}`,
);
console.log(out.join('\n'));
process.exit(vitest.status === 0 && violations === 0 && records.length > 0 ? 0 : 1);
