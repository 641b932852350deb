// The eMAG answers in live forms kept in tests/fixtures/emag-live/: each file is one answer with a note saying where
// its forms are documented or observed, and what MagFlow must make of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpectedOrder {
  status: number;
  totalMinor: number;
  currency: string;
  customerName: string | null;
  modified?: string;
  statusSince?: string;
  vouchersGrossMinor?: number[];
  cancellationReason?: { code: number; name: string | null };
}

export interface ExpectedOffer {
  salePrice: string;
  stock: number;
  status: number;
  validationStatus: number;
}

export interface LiveFixture {
  file: string;
  note: string;
  route: 'order/read' | 'product_offer/read' | 'rma/read';
  answer: { isError: false; messages: unknown[]; results: Record<string, unknown>[] };
  expect: {
    /** eMAG ids of the records MagFlow must set aside. */
    setAside: string[];
    orders?: Record<string, ExpectedOrder>;
    offers?: Record<string, ExpectedOffer>;
    returns?: string[];
  };
}

export const LIVE_FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'emag-live');

/**
 * The record answers (order, offer and return pages) with what MagFlow must make of them. The folder also holds the
 * write side's AWB and error answers (`awb-*`, `error-*`: HTTP status and body, read by tests/emag/writeDecisions).
 */
export function liveFixtures(route?: LiveFixture['route']): LiveFixture[] {
  return readdirSync(LIVE_FIXTURES_DIR)
    .filter((file) => file.endsWith('.json') && !file.startsWith('awb-') && !file.startsWith('error-'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(LIVE_FIXTURES_DIR, file), 'utf8')) as object) }))
    .filter((fixture): fixture is LiveFixture => route === undefined || (fixture as LiveFixture).route === route);
}
