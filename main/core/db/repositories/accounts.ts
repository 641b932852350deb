// Seller accounts. The password is never stored here: `secret_ref` names it in the secret store.
import type { Account, AccountKind, Platform } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { Db } from '../open';

interface AccountRow {
  id: number;
  name: string;
  platform: string;
  kind: string;
  username: string;
  api_url: string | null;
  secret_ref: string;
  enabled: number;
  is_demo: number;
  created_at: string;
}

export interface NewAccount {
  name: string;
  platform: Platform;
  kind: AccountKind;
  username: string;
  apiUrl: string | null;
  secretRef: string;
  enabled?: boolean;
  isDemo?: boolean;
}

export type AccountPatch = Partial<Omit<NewAccount, 'isDemo'>>;

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  name: row.name,
  platform: row.platform as Platform,
  kind: row.kind as AccountKind,
  username: row.username,
  apiUrl: row.api_url,
  enabled: row.enabled === 1,
  isDemo: row.is_demo === 1,
  createdAt: row.created_at,
});

export function accountsRepository(db: Db, clock: Clock) {
  const all = db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY id');
  const byId = db.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  const byName = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE name = ?');
  const insert = db.prepare(
    `INSERT INTO accounts (name, platform, kind, username, api_url, secret_ref, enabled, is_demo, created_at)
     VALUES (@name, @platform, @kind, @username, @apiUrl, @secretRef, @enabled, @isDemo, @createdAt)`,
  );
  const remove = db.prepare<[number]>('DELETE FROM accounts WHERE id = ?');

  return {
    list: (): Account[] => all.all().map(toAccount),
    get: (id: number): Account | undefined => {
      const row = byId.get(id);
      return row && toAccount(row);
    },
    getByName: (name: string): Account | undefined => {
      const row = byName.get(name);
      return row && toAccount(row);
    },
    secretRef: (id: number): string | undefined => byId.get(id)?.secret_ref,
    create(input: NewAccount): Account {
      const result = insert.run({
        ...input,
        enabled: input.enabled === false ? 0 : 1,
        isDemo: input.isDemo ? 1 : 0,
        createdAt: clock.now().toISOString(),
      });
      return toAccount(byId.get(Number(result.lastInsertRowid))!);
    },
    update(id: number, patch: AccountPatch): Account | undefined {
      const columns: Record<keyof AccountPatch, string> = {
        name: 'name',
        platform: 'platform',
        kind: 'kind',
        username: 'username',
        apiUrl: 'api_url',
        secretRef: 'secret_ref',
        enabled: 'enabled',
      };
      const sets: string[] = [];
      const values: Record<string, unknown> = { id };
      for (const [key, column] of Object.entries(columns) as [keyof AccountPatch, string][]) {
        if (patch[key] === undefined) continue;
        sets.push(`${column} = @${key}`);
        values[key] = key === 'enabled' ? (patch.enabled ? 1 : 0) : patch[key];
      }
      if (sets.length > 0) db.prepare(`UPDATE accounts SET ${sets.join(', ')} WHERE id = @id`).run(values);
      const row = byId.get(id);
      return row && toAccount(row);
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
