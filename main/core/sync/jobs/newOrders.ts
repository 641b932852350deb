// The new-orders job: every status-1 order of the account (all pages up to the cap), stored and announced.
import { accountOf, orderTypeOf, type JobContext } from '../context';
import { walkPages } from '../paging';
import { storeOrders } from '../storeOrders';

export async function newOrdersJob(ctx: JobContext): Promise<void> {
  const account = accountOf(ctx);
  const client = ctx.client();
  // eMAG reads type 3 unless told otherwise: an FBE account must ask for its type 2 orders.
  const filters = { status: 1, type: orderTypeOf(account) };
  const walk = { truncated: false };
  let done = 0;
  const pages = walkPages(
    ctx,
    (currentPage, itemsPerPage) =>
      ctx.call((options) => client.orders.readPage({ ...filters, currentPage, itemsPerPage }, options)),
    { route: 'order/read', maxPages: ctx.deps.settings().newOrdersMaxPages },
    walk,
  );
  for await (const page of pages) {
    await storeOrders(ctx, page.items, page.setAside);
    done += page.size;
    ctx.progress(done, null);
  }
  if (walk.truncated) {
    // Not an error: the order-changes job reads every status and picks the rest up.
    ctx.logger.warn('more new orders than the page cap; the rest come with the next order-changes run', {
      pages: ctx.counts.pages,
    });
  }
}
