// What the tray shows, computed from the scheduler's state: the icon state, the tooltip and the menu lines.
// Pure functions, so every wording and rule is tested without a tray.
import type { Settings } from '../../shared/settings';
import type { TodayCounts } from '../../shared/today';
import type { JobStateView, SyncStateView } from '../../shared/views';

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

export function formatTime(iso: string, lang: Language): string {
  return new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'ro-RO', { hour: '2-digit', minute: '2-digit' });
}

export function lastSyncAt(state: SyncStateView): string | null {
  return state.jobs.reduce<string | null>((best, job) => latest(best, job.lastGoodAt), null);
}

export function trayTooltip(input: {
  lang: Language;
  state: SyncStateView;
  newOrders: number;
  demo: boolean;
  today?: TodayCounts | null;
}): string {
  const { lang, state, newOrders } = input;
  const en = lang === 'en';
  const last = lastSyncAt(state);
  const lines = [
    input.demo ? 'MagFlow (demo)' : 'MagFlow',
    last
      ? `${en ? 'Last sync' : 'Ultima sincronizare'}: ${formatTime(last, lang)}`
      : en
        ? 'Not synced yet'
        : 'Nesincronizat încă',
    en
      ? `${newOrders} new ${newOrders === 1 ? 'order' : 'orders'}`
      : `${newOrders} ${newOrders === 1 ? 'comandă nouă' : 'comenzi noi'}`,
  ];
  const today = todayLine(input.today ?? null, lang);
  if (today) lines.push(today);
  if (state.paused) lines.push(en ? 'Sync paused' : 'Sincronizare în pauză');
  return lines.join('\n');
}

export function accountLineLabel(line: AccountLine, lang: Language): string {
  const en = lang === 'en';
  const words: Record<AccountLine['state'], string> = en
    ? { ok: 'OK', syncing: 'syncing…', error: 'error', never: 'not synced yet' }
    : { ok: 'OK', syncing: 'se sincronizează…', error: 'eroare', never: 'nesincronizat încă' };
  const at = line.lastGoodAt && line.state !== 'never' ? ` · ${formatTime(line.lastGoodAt, lang)}` : '';
  return `${line.account}: ${words[line.state]}${at}`;
}

export const TRAY_LABELS = {
  ro: {
    open: 'Deschide MagFlow',
    syncNow: 'Sincronizează acum',
    pause: 'Pune sincronizarea pe pauză',
    resume: 'Reia sincronizarea',
    logs: 'Deschide dosarul cu jurnale',
    quit: 'Ieșire',
    noAccounts: 'Niciun cont',
  },
  en: {
    open: 'Open MagFlow',
    syncNow: 'Sync now',
    pause: 'Pause sync',
    resume: 'Resume sync',
    logs: 'Open logs folder',
    quit: 'Quit',
    noAccounts: 'No accounts',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Romanian count words: "1 comandă", "2 comenzi", "20 de comenzi" (the "de" from 20 on, and for 101, 120 …). */
const roCount = (n: number, one: string, few: string): string =>
  n === 1 ? `${n} ${one}` : n === 0 || (n % 100 >= 1 && n % 100 <= 19) ? `${n} ${few}` : `${n} de ${few}`;

/** The today queue in one line (issue 17 §1), for the tooltip and the menu; null when nothing waits. */
export function todayLine(counts: TodayCounts | null, lang: Language): string | null {
  if (!counts || counts.total === 0) return null;
  const en = lang === 'en';
  const parts: string[] = [];
  const add = (n: number, ro: string, english: string) => n > 0 && parts.push(en ? `${n} ${english}` : `${n} ${ro}`);
  add(counts.acknowledge, 'de confirmat', 'to acknowledge');
  add(counts.prepare, 'de pregătit', 'to prepare');
  add(counts.ship, 'de predat curierului', 'to ship');
  add(counts.invoice, 'fără factură', 'without an invoice');
  if (counts.failed > 0)
    parts.push(
      en
        ? `${counts.failed} failed ${counts.failed === 1 ? 'action' : 'actions'}`
        : roCount(counts.failed, 'acțiune eșuată', 'acțiuni eșuate'),
    );
  const overdue =
    counts.overdue > 0
      ? en
        ? ` (${counts.overdue} overdue)`
        : ` (${roCount(counts.overdue, 'depășită', 'depășite')})`
      : '';
  return `${en ? 'Today' : 'Azi'}: ${parts.join(', ')}${overdue}`;
}
