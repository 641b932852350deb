// Builders of stored records for tests: plausible defaults, overridable per test.
import type { Account } from '../../shared/domain';
import type { OrderRecord } from '../../main/core/db';
import type { Repositories } from '../../main/core/db';

export function orderRecord(accountId: number, id: number, overrides: Partial<OrderRecord> = {}): OrderRecord {
  const base: OrderRecord = {
    accountId,
    id,
    status: 1,
    type: 3,
    paymentModeId: 1,
    paymentStatus: 0,
    totalMinor: 12_345,
    currency: 'RON',
    customerName: `Client ${id}`,
    customerPhone: '0722000000',
    locality: 'București',
    created: '2026-11-20 10:00:00',
    modified: '2026-11-20 10:00:00',
    lines: [
      {
        lineId: id * 10 + 1,
        productId: `SKU-${id}`,
        partNumber: `PN-${id}`,
        partNumberKey: `PNK${id}`,
        name: `Produs ${id}`,
        quantity: 1,
        salePrice: '103.7395',
        vat: '0.19',
        currency: 'RON',
        status: 1,
      },
    ],
    raw: { id, status: 1 },
  };
  return { ...base, ...overrides, raw: overrides.raw ?? { ...(base.raw as object), ...overrides } };
}

export function addAccount(repos: Repositories, name = 'MAIN', kind: 'main' | 'fbe' = 'main') {
  return repos.accounts.create({
    name,
    platform: 'emag-ro',
    kind,
    username: `${name.toLowerCase()}-user`,
    apiUrl: null,
    secretRef: `account:${name}`,
  });
}

/** An account as the core hands it around (events, views), without a database. */
export function sampleAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 1,
    name: 'Magazin',
    platform: 'emag-ro',
    kind: 'main',
    username: 'u',
    apiUrl: null,
    enabled: true,
    isDemo: false,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}
