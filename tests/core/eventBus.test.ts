// The event bus: window events reach every `onAny` listener (the window's forwarders), core events only the listeners
// of their type, and a failing listener never stops the others or the emitter.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { sampleAccount } from '../support/records';
import { createEventBus, type BusEvent } from '../../main/core/events/bus';

const account = sampleAccount();

describe('event bus', () => {
  it('forwards window events to onAny and keeps core events inside main', () => {
    const bus = createEventBus();
    const forwarded: string[] = [];
    const heard: string[] = [];
    bus.onAny((event) => forwarded.push(event.type));
    bus.on('accounts_changed', (event) => heard.push(`${event.type}:${event.change}`));
    bus.on('settings_changed', (event) => heard.push(`${event.type}:${event.settings.language}`));
    bus.on('orders_imported', (event) => heard.push(`${event.type}:${event.count}`));

    bus.emit({ type: 'accounts_changed', change: 'removed', account });
    bus.emit({ type: 'settings_changed', settings: DEFAULT_SETTINGS });
    bus.emit({ type: 'orders_imported', accountId: 1, account: 'Magazin', count: 3 });

    expect(forwarded).toEqual(['orders_imported']);
    expect(heard).toEqual(['accounts_changed:removed', 'settings_changed:ro', 'orders_imported:3']);
  });

  it('reports a failing listener and still calls the others', () => {
    const failures: [unknown, BusEvent][] = [];
    const bus = createEventBus((error, event) => failures.push([error, event]));
    const heard: string[] = [];
    bus.on('accounts_changed', () => {
      throw new Error('window closed');
    });
    const stop = bus.on('accounts_changed', (event) => heard.push(event.account.name));
    bus.emit({ type: 'accounts_changed', change: 'saved', account });
    stop();
    bus.emit({ type: 'accounts_changed', change: 'saved', account });
    expect(heard).toEqual(['Magazin']);
    expect(failures.map(([error]) => (error as Error).message)).toEqual(['window closed', 'window closed']);
  });
});
