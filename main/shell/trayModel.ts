// What the tray shows, computed from the scheduler's state: the icon state, the tooltip and the menu lines.
// Pure functions, so every wording and rule is tested without a tray.
import type { Settings } from '../../shared/settings';
import type { TodayCounts } from '../../shared/today';
import type { JobStateView, SyncStateView } from '../../shared/views';
import { messages } from '../core/messages/catalogue';

export type TrayState = 'ok' | 'syncing' | 'error' | 'paused';
type Language = Settings['language'];

export interface AccountLine {
  accountId: number;
  account: string;
  state: 'ok' | 'syncing' | 'error' | 'never';
  lastGoodAt: string | null;
}

const failed = (job: JobStateView): boolean =>
  job.lastRun !== null && (job.lastRun.status === 'failed' || job.lastRun.status === 'timed_out');

/** Paused wins, then a running job, then any account whose latest run of some job failed. */
export function trayState(state: SyncStateView): TrayState {
  if (state.paused) return 'paused';
  if (state.jobs.some((job) => job.running)) return 'syncing';
  if (state.jobs.some((job) => job.accountId !== null && failed(job))) return 'error';
  return 'ok';
}

const latest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a > b ? a : b);

/** One line per account that has scheduled jobs, in the scheduler's order. */
export function accountLines(state: SyncStateView): AccountLine[] {
  const lines = new Map<number, AccountLine>();
  for (const job of state.jobs) {
    if (job.accountId === null) continue;
    const line = lines.get(job.accountId) ?? {
      accountId: job.accountId,
      account: job.account ?? `#${job.accountId}`,
      state: 'never' as AccountLine['state'],
      lastGoodAt: null,
    };
    line.lastGoodAt = latest(line.lastGoodAt, job.lastGoodAt);
    if (job.running) line.state = 'syncing';
    else if (line.state !== 'syncing' && failed(job)) line.state = 'error';
    else if (line.state === 'never' && job.lastRun !== null) line.state = 'ok';
    lines.set(job.accountId, line);
  }
  return [...lines.values()];
}

export const formatTime = (iso: string, lang: Language): string => messages(lang).time(iso);

export function lastSyncAt(state: SyncStateView): string | null {
  return state.jobs.reduce<string | null>((best, job) => latest(best, job.lastGoodAt), null);
}

/** Name, last good sync, new orders; then what needs the seller: the today queue, a paused sync, the accounts that fail. */
export function trayTooltip(input: {
  lang: Language;
  state: SyncStateView;
  newOrders: number;
  demo: boolean;
  today?: TodayCounts | null;
}): string {
  const { lang, state, newOrders } = input;
  const text = messages(lang).tray;
  const last = lastSyncAt(state);
  const lines = [
    input.demo ? 'MagFlow (demo)' : 'MagFlow',
    last ? text.lastSync(formatTime(last, lang)) : text.notSyncedYet,
    text.newOrders(newOrders),
  ];
  const today = todayLine(input.today ?? null, lang);
  if (today) lines.push(today);
  if (state.paused) lines.push(text.paused);
  const failing = accountLines(state).filter((line) => line.state === 'error');
  if (failing.length > 0) lines.push(`${text.failing(failing.length)}: ${failing.map((l) => l.account).join(', ')}`);
  return lines.join('\n');
}

export function accountLineLabel(line: AccountLine, lang: Language, paused = false): string {
  const words = messages(lang).tray.accountState;
  const state = paused && line.state !== 'error' ? 'paused' : line.state;
  const at = line.lastGoodAt && line.state !== 'never' ? ` · ${formatTime(line.lastGoodAt, lang)}` : '';
  return `${line.account}: ${words[state]}${at}`;
}

/** The menu's words (open, sync now, pause...), from the catalogue. */
export const trayLabels = (lang: Language) => messages(lang).tray.labels;

/** The today queue in one line (issue 17 §1), for the tooltip and the menu; null when nothing waits. */
export function todayLine(counts: TodayCounts | null, lang: Language): string | null {
  if (!counts || counts.total === 0) return null;
  const text = messages(lang).today;
  const parts: string[] = [];
  if (counts.acknowledge > 0) parts.push(text.acknowledge(counts.acknowledge));
  if (counts.prepare > 0) parts.push(text.prepare(counts.prepare));
  if (counts.ship > 0) parts.push(text.ship(counts.ship));
  if (counts.invoice > 0) parts.push(text.invoice(counts.invoice));
  if (counts.failed > 0) parts.push(text.failed(counts.failed));
  const overdue = counts.overdue > 0 ? ` (${text.overdue(counts.overdue)})` : '';
  return `${text.label}: ${parts.join(', ')}${overdue}`;
}
