// A headless MagFlow core (createMagflowCore, the same assembly the app and the CLI run) in a scratch data folder,
// with accounts pointed at a sandbox; and a scheduler on that core whose intervals are divided by a scale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/settings';
import { systemClock } from '../../main/core/clock';
import type { ClientTuning } from '../../main/core/emagClients';
import { silentLogger } from '../../main/core/logging';
import { createMagflowCore, type MagflowCore } from '../../main/core/magflow';
import { createScheduler, type Scheduler } from '../../main/core/scheduler/scheduler';
import type { SandboxAccountSpec } from '../../main/sandbox';

/** For imports whose speed is not the point (fixtures, memory): eMAG's limits lifted on both sides. */
export const UNLIMITED_CLIENT: ClientTuning = {
  rateLimits: {
    orders: { perSecond: 100_000, perMinute: 6_000_000 },
    other: { perSecond: 100_000, perMinute: 6_000_000 },
    safetyMarginMs: 0,
    jitterMs: 0,
  },
  maxInFlight: { orders: 8, other: 8 },
};

export interface BenchCore {
  core: MagflowCore;
  /** Account id by sandbox username. */
  ids: Record<string, number>;
  dataDir: string;
  /** Stops the core and deletes its data folder (unless kept). */
  close(options?: { keep?: boolean }): Promise<void>;
}

export const scratchDir = (label: string): string =>
  mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), `magflow-bench-${label}-`));

export async function openBenchCore(options: {
  dataDir?: string;
  sandboxUrl: string;
  accounts: SandboxAccountSpec[];
  clientTuning?: ClientTuning;
}): Promise<BenchCore> {
  const dataDir = options.dataDir ?? scratchDir('core');
  const core = await createMagflowCore({
    dataDir,
    demo: false,
    logger: silentLogger,
    clock: systemClock,
    ...(options.clientTuning ? { clientTuning: options.clientTuning } : {}),
  });
  // The sandbox spreads history over 90 days before its start: one more day keeps the oldest orders in the window.
  core.repos.settings.update({ orderChangesLookbackDays: 91 });
  const ids: Record<string, number> = {};
  for (const spec of options.accounts) {
    const existing = core.repos.accounts.getByName(spec.username);
    const account = core.accounts.save({
      ...(existing ? { id: existing.id } : {}),
      name: spec.username,
      platform: 'emag-ro',
      kind: spec.kind,
      username: spec.username,
      password: spec.password,
      apiUrl: options.sandboxUrl,
    });
    ids[spec.username] = account.id;
  }
  return {
    core,
    ids,
    dataDir,
    async close(closeOptions = {}) {
      await core.stop({ abort: true });
      if (!closeOptions.keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The default schedule divided by `scale` (the settings schema refuses intervals that short, so this bypasses it). */
export function scaledSettings(settings: Settings, scale: number): Settings {
  const divide = (seconds: number) => Math.max(1, Math.round(seconds / scale));
  const i = settings.intervals;
  return {
    ...settings,
    intervals: {
      newOrdersSec: divide(i.newOrdersSec),
      orderChangesSec: divide(i.orderChangesSec),
      offersSec: divide(i.offersSec),
      maintenanceSec: divide(i.maintenanceSec),
      healthSec: divide(i.healthSec),
      returnsSec: divide(i.returnsSec),
      newOrdersCheckSec: i.newOrdersCheckSec === 0 ? 0 : divide(i.newOrdersCheckSec),
    },
  };
}

/** The real scheduler over the core's engine, reading the core's settings through a scale that can change. */
export function scaledScheduler(core: MagflowCore, scale: { value: number }): Scheduler {
  return createScheduler({
    engine: core.engine,
    repos: core.repos,
    bus: core.bus,
    clock: systemClock,
    logger: silentLogger,
    settings: () => scaledSettings(core.repos.settings.get(), scale.value),
  });
}

/**
 * Brings an account to a settled state before a measurement: orders and offers imported, the new orders acknowledged
 * (their actions sent), then a new-orders run and the status changes those acknowledgements caused read back.
 */
export async function settleAccount(core: MagflowCore, accountId: number): Promise<void> {
  await core.engine.runJob('order-changes', accountId, 'manual');
  await core.engine.runJob('offers', accountId, 'manual');
  for (let i = 0; i < 20 && core.repos.outbox.countByState('pending', accountId) > 0; i++)
    await core.engine.runJob('send-actions', accountId, 'manual');
  await core.engine.runJob('new-orders', accountId, 'manual');
  await core.engine.runJob('order-changes', accountId, 'manual');
}

/** Ends a section's measurement: the core first (it talks to the sandbox), then the sandbox. */
export async function closeBench(bench: BenchCore, sandbox: { close(): Promise<void> }): Promise<void> {
  await bench.close();
  await sandbox.close();
}
