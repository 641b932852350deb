// `npm run bench`: every benchmark section in its own Node process (so memory, event loop and cold start are the
// section's alone), against the eMAG sandbox on 127.0.0.1; one table on the console and bench/results.json.
// Sections: BENCH_ONLY=import,steady (comma list) runs a subset; BENCH_DIR keeps scratch data somewhere else.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownTable, ROWS_PREFIX, textTable, verdict, type Row } from './lib/report';

interface Section {
  name: string;
  file: string;
  title: string;
  /** Rows shown as "not measured" when the section fails, so the table always says what is missing. */
  rows: Pick<Row, 'section' | 'metric' | 'unit'>[];
  heapMb?: number;
}

const SECTIONS: Section[] = [
  {
    name: 'import',
    file: 'sections/import.ts',
    title: '§1 full import vs the rate-limit ceiling, §5 event-loop delay',
    rows: [{ section: '1', metric: 'import 20,000 orders', unit: '' }],
  },
  {
    name: 'two-accounts',
    file: 'sections/twoAccounts.ts',
    title: '§2 two accounts importing at once',
    rows: [{ section: '2', metric: 'two accounts at once', unit: '' }],
  },
  {
    name: 'steady',
    file: 'sections/steadyState.ts',
    title: '§3 steady state: requests per hour, order-appearance latency',
    rows: [{ section: '3', metric: 'steady state', unit: '' }],
  },
  {
    name: 'local',
    file: 'sections/localData.ts',
    title: '§4 local data at 100,000 orders / 300,000 lines (also builds the fixture §7 and §8 use)',
    rows: [{ section: '4', metric: 'local data at 100k orders', unit: '' }],
    heapMb: 6144,
  },
  {
    name: 'memory',
    file: 'sections/memory.ts',
    title: '§6 memory after a 100,000-order import and a scheduler soak',
    rows: [{ section: '6', metric: 'memory', unit: '' }],
  },
  {
    name: 'cold-start',
    file: 'sections/coldStart.ts',
    title: '§7 core cold start with 100,000 orders',
    rows: [{ section: '7', metric: 'cold start', unit: '' }],
  },
  {
    name: 'stall',
    file: 'sections/mainThreadStall.ts',
    title: '§9 the main thread while the database is checked and backed up (100,000 orders; needs the §4 fixture)',
    rows: [{ section: '9', metric: 'main thread during health check + backup', unit: '' }],
  },
  {
    name: 'renderer',
    file: 'sections/renderer.ts',
    title: '§8 renderer in Chromium with 100,000 orders',
    rows: [{ section: '8', metric: 'renderer', unit: '' }],
  },
  {
    name: 'fast-new-orders',
    file: 'sections/newOrdersFast.ts',
    title: '§10 new orders in seconds: default schedule (not scaled), latency to notified + acknowledged, request cost',
    rows: [{ section: '10', metric: 'new orders in seconds', unit: '' }],
  },
];

function runSection(section: Section, benchDir: string): Promise<{ rows: Row[]; error: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        `--max-old-space-size=${section.heapMb ?? 2048}`,
        '--import',
        'tsx',
        join(__dirname, section.file),
      ],
      { env: { ...process.env, BENCH_DIR: benchDir }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(ROWS_PREFIX));
      const rows = line ? (JSON.parse(line.slice(ROWS_PREFIX.length)) as Row[]) : [];
      const error = code === 0 && line ? null : `exited with code ${code}`;
      resolve({ rows, error });
    });
  });
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const selected = SECTIONS.filter((s) => !only || only.includes(s.name));
  const benchDir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'magflow-bench-'));
  const started = Date.now();
  // Other work on the machine moves every timing: the 1-minute load average is kept with the results.
  const load = [loadavg()[0] ?? 0];
  const rows: Row[] = [];
  const sections: { name: string; seconds: number; error: string | null }[] = [];
  try {
    for (const section of selected) {
      console.error(`\n${section.title}`);
      const t0 = Date.now();
      const result = await runSection(section, benchDir);
      const seconds = (Date.now() - t0) / 1000;
      console.error(`  (${seconds.toFixed(0)} s${result.error ? `, ${result.error}` : ''})`);
      sections.push({ name: section.name, seconds, error: result.error });
      load.push(loadavg()[0] ?? 0);
      if (result.rows.length > 0) rows.push(...result.rows);
      else rows.push(...section.rows.map((r) => ({ ...r, value: null, note: `section failed: ${result.error}` })));
    }
  } finally {
    if (!process.env.BENCH_DIR) rmSync(benchDir, { recursive: true, force: true });
  }
  const totalSeconds = (Date.now() - started) / 1000;
  console.log(`\n${textTable(rows)}\n`);
  for (const row of rows.filter((r) => r.note)) console.log(`  ${row.section} ${row.metric}: ${row.note}`);
  const misses = rows.filter((r) => verdict(r) === 'MISS').length;
  const missing = rows.filter((r) => verdict(r) === 'n/a').length;
  const loadText = load.map((l) => l.toFixed(1)).join(', ');
  console.log(`\n${rows.length} rows, ${misses} missed, ${missing} not measured, ${totalSeconds.toFixed(0)} s in all`);
  console.log(`load average (1 min) before and after each section: ${loadText} on ${availableParallelism()} CPUs`);
  const machine = {
    nproc: availableParallelism(),
    logicalCpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverages: load,
  };
  writeFileSync(
    join(__dirname, 'results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), totalSeconds, machine, sections, rows: rows.map((r) => ({ ...r, verdict: verdict(r) })), markdown: markdownTable(rows) }, null, 2)}\n`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
