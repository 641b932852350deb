// `today`: what waits on the seller now (issue 17 §1), the same queue the window's start screen shows: orders to
// acknowledge, prepare and ship before eMAG's deadline, finalized orders without an invoice, failed actions.
import { Command } from 'commander';
import { minorToDecimal } from '../../../shared/money';
import { countdown, TODAY_BUCKETS, type TodayBucket, type TodayItem, type TodayQueue } from '../../../shared/today';
import { toEmagDate } from '../../core/clock';
import { accountByName, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { CliFailure } from '../errors';
import { formatTable } from '../table';

interface TodayOptions {
  account?: string;
}

const GROUP_WORDS: Record<TodayBucket, string> = {
  acknowledge: 'to acknowledge',
  prepare: 'to prepare',
  ship: 'to ship',
  invoice: 'without an invoice',
  failed: 'failed action',
};

const groupText = (bucket: TodayBucket, n: number): string =>
  `${n} ${GROUP_WORDS[bucket]}${bucket === 'failed' && n !== 1 ? 's' : ''}`;

/** "2d 03h 05m left" or "overdue 1h 10m". */
export function countdownText(deadlineAt: string | null, now: Date): string {
  if (!deadlineAt) return '';
  const left = countdown(deadlineAt, now);
  const parts = `${left.days > 0 ? `${left.days}d ` : ''}${String(left.hours).padStart(2, '0')}h ${String(left.minutes).padStart(2, '0')}m`;
  return left.overdue ? `OVERDUE ${parts}` : `${parts} left`;
}

/** The one-line summary: "3 to prepare, 1 to ship (1 overdue), …" or "Nothing waits on you." */
export function todaySummary(queue: TodayQueue): string {
  const parts = TODAY_BUCKETS.filter((bucket) => queue.counts[bucket] > 0).map((bucket) =>
    groupText(bucket, queue.counts[bucket]),
  );
  if (parts.length === 0) return 'Nothing waits on you.';
  const overdue = queue.counts.overdue > 0 ? ` (${queue.counts.overdue} past the shipping deadline)` : '';
  return `Today: ${parts.join(', ')}${overdue}.`;
}

/** One item of `today --json` (a public interface: keep stable). Money is a decimal string, never a float. */
const itemJson = (item: TodayItem) => ({
  group: item.bucket,
  account: item.account,
  accountId: item.accountId,
  order: item.orderId,
  status: item.status,
  customer: item.customerName,
  total: item.totalMinor === null ? null : minorToDecimal(item.totalMinor),
  currency: item.currency,
  deadline: item.deadlineAt,
  overdue: item.overdue,
  dueSoon: item.dueSoon,
  action: item.action,
});

export function todayCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  return new Command('today')
    .description('what waits on you now: orders to acknowledge, prepare and ship (deadlines), invoices, failed actions')
    .option('--account <name>', 'only this account')
    .action(async (options: TodayOptions, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, async ({ core }) => {
        const account = options.account !== undefined ? accountByName(core, options.account) : undefined;
        const answer = await core.dispatcher.dispatch('today.get', account ? { accountId: account.id } : {}, {
          language: 'en',
        });
        if (!answer.ok) throw new CliFailure(answer.error.message);
        const queue = answer.value as TodayQueue;
        const now = new Date(queue.generatedAt);
        if (g.json) {
          printJson(ctx.io, {
            generatedAt: queue.generatedAt,
            autoAcknowledge: queue.autoAcknowledge,
            leadMinutes: queue.leadMinutes,
            counts: queue.counts,
            items: queue.items.map(itemJson),
          });
          return;
        }
        ctx.io.out(`${todaySummary(queue)}\n`);
        if (queue.items.length === 0) return;
        ctx.io.out('\n');
        ctx.io.out(
          formatTable(
            ['group', 'account', 'order', 'customer', 'total', 'ship by (eMAG time)', 'left', 'reason'],
            queue.items.map((item) => [
              item.bucket,
              item.account,
              item.orderId ?? '',
              item.customerName,
              item.totalMinor === null ? '' : `${minorToDecimal(item.totalMinor)} ${item.currency ?? ''}`.trim(),
              item.deadlineAt ? toEmagDate(new Date(item.deadlineAt)).slice(0, 16) : '',
              countdownText(item.deadlineAt, now),
              item.action ? `${item.action.kind}: ${item.action.error ?? ''}`.replace(/\s+/g, ' ').slice(0, 80) : '',
            ]),
          ),
        );
      });
    });
}
