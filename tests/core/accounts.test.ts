import { describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { accountService } from '../../main/core/accounts/service';
import { createRepositories, openDatabase } from '../../main/core/db';
import { apiUrlProblem } from '../../main/core/emagClients';
import { createEventBus } from '../../main/core/events/bus';
import { memorySecretStore } from '../../main/core/secrets/store';

function setup() {
  const db = openDatabase(':memory:');
  const repos = createRepositories(db, systemClock);
  const secrets = memorySecretStore();
  const onChanged = vi.fn();
  const bus = createEventBus();
  bus.on('accounts_changed', onChanged);
  const testConnection = vi.fn(async () => ({ ok: true, errorKind: null, message: 'Connected' }));
  const service = accountService({ repos, secrets, checkApiUrl: apiUrlProblem, testConnection, bus });
  return { db, repos, secrets, service, onChanged, testConnection };
}

const input = { name: 'Magazin', platform: 'emag-ro' as const, kind: 'main' as const, username: 'seller@example.ro' };

describe('account service', () => {
  it('keeps the password in the secret store, never in the database', () => {
    const { db, service, secrets } = setup();
    const account = service.save({ ...input, password: 'S3cret-Parola!' });
    expect(service.passwordOf(account.id)).toBe('S3cret-Parola!');
    const dump = JSON.stringify(db.prepare('SELECT * FROM accounts').all());
    expect(dump).not.toContain('S3cret-Parola!');
    service.remove(account.id);
    expect(secrets.get(`account:x`)).toBeUndefined();
    expect(() => service.passwordOf(account.id)).toThrow();
  });

  it('updates an account without asking for the password again, and changes it when given', () => {
    const { service, onChanged } = setup();
    const account = service.save({ ...input, password: 'one' });
    service.save({ ...input, id: account.id, username: 'other@example.ro' });
    expect(service.passwordOf(account.id)).toBe('one');
    service.save({ ...input, id: account.id, password: 'two' });
    expect(service.passwordOf(account.id)).toBe('two');
    expect(onChanged).toHaveBeenCalledTimes(3);
  });

  it('refuses a new account without a password, a duplicate name and plain http off loopback', () => {
    const { service, repos } = setup();
    expect(() => service.save(input)).toThrow(/needs its API password/);
    service.save({ ...input, password: 'p' });
    expect(() => service.save({ ...input, password: 'p' })).toThrow(/already exists/);
    expect(() =>
      service.save({ ...input, name: 'Other', password: 'p', apiUrl: 'http://api.example.com/api-3' }),
    ).toThrow(/http/i);
    expect(service.save({ ...input, name: 'Local', password: 'p', apiUrl: 'http://127.0.0.1:9000/api-3' }).apiUrl).toBe(
      'http://127.0.0.1:9000/api-3',
    );
    expect(repos.accounts.list()).toHaveLength(2);
  });

  it('tests a connection with stored or typed credentials, and refuses a bad URL before sending anything', async () => {
    const { service, testConnection } = setup();
    const account = service.save({ ...input, password: 'stored' });
    await service.test({ id: account.id });
    expect(testConnection).toHaveBeenLastCalledWith(
      expect.objectContaining({ password: 'stored', username: input.username }),
    );
    const refused = await service.test({ ...input, password: 'x', apiUrl: 'http://evil.example.com/api-3' });
    expect(refused.ok).toBe(false);
    expect(refused.errorKind).toBe('config');
    expect(testConnection).toHaveBeenCalledTimes(1);
  });
});
