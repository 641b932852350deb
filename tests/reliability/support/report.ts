// Each reliability scenario records what it injected, which invariants it checked and what broke them; the runner
// (tests/reliability/run.ts) prints these records as the summary table. Tests also fail on any violation.
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScenarioRecord {
  scenario: string;
  faults: string;
  invariants: string[];
  violations: string[];
  notes: string[];
  durationMs: number;
}

export const reportFile = (): string =>
  process.env.RELIABILITY_REPORT ?? join(tmpdir(), `magflow-reliability-${process.pid}.jsonl`);

/** True in the bounded CI run (`npm run test:reliability -- --quick`). */
export const QUICK = process.env.RELIABILITY_QUICK === '1';

/** Collects the invariants of one scenario; `finish()` records them and returns the violations. */
export class Invariants {
  private readonly checked = new Set<string>();
  private readonly broken: string[] = [];
  private readonly faults: string[] = [];
  private readonly notes: string[] = [];
  private readonly started = Date.now();

  constructor(readonly scenario: string) {}

  /** Describes a fault the scenario injects (shown in the table). */
  inject(description: string): void {
    this.faults.push(description);
  }

  /** Something worth reading in the report that is not a pass/fail (counts, repeats). */
  note(text: string): void {
    this.notes.push(text);
  }

  /** Checks one invariant; a false condition is a violation with the detail given (capped at 20 per invariant). */
  check(invariant: string, ok: boolean, detail?: () => string): void {
    this.checked.add(invariant);
    if (ok) return;
    const already = this.broken.filter((v) => v.startsWith(`${invariant}: `)).length;
    if (already < 20) this.broken.push(`${invariant}: ${detail ? detail() : 'violated'}`);
  }

  /** Runs `work`; a throw is a violation of `invariant` (typed errors are for the caller to check). */
  async noThrow(invariant: string, work: () => Promise<unknown> | unknown): Promise<void> {
    try {
      await work();
      this.check(invariant, true);
    } catch (error) {
      this.check(invariant, false, () => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
    }
  }

  finish(): string[] {
    const record: ScenarioRecord = {
      scenario: this.scenario,
      faults: this.faults.join('; ') || 'none',
      invariants: [...this.checked],
      violations: this.broken,
      notes: this.notes,
      durationMs: Date.now() - this.started,
    };
    appendFileSync(reportFile(), `${JSON.stringify(record)}\n`);
    return this.broken;
  }
}
