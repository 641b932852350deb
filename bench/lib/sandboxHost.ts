// The eMAG sandbox in a process of its own, driven over Node's IPC channel: the core being measured then shares its
// event loop, heap and RSS with nothing but itself (the sandbox generating 100 orders a page is not MagFlow's cost).
import { startSandbox, type Sandbox, type SandboxOptions } from '../../main/sandbox';
import type { HostReply, HostRequest } from './sandboxProtocol';

let sandbox: Sandbox | null = null;

function need(): Sandbox {
  if (!sandbox) throw new Error('sandbox not started');
  return sandbox;
}

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.type) {
    case 'start': {
      sandbox = await startSandbox({ ...(request.options as SandboxOptions), port: 0 });
      return { url: sandbox.url, controlUrl: sandbox.controlUrl };
    }
    case 'log':
      return need().requestLog.map((e) => ({
        at: e.at,
        route: e.route,
        bucket: e.bucket,
        account: e.account,
        status: e.status,
      }));
    case 'clearLog':
      need().clearRequestLog();
      return null;
    case 'addOrders': {
      const added = need().addOrders(request.account, request.count);
      return { ids: added.map((o) => o.id), at: Date.now() };
    }
    case 'close':
      await sandbox?.close();
      sandbox = null;
      return null;
  }
}

process.on('message', (request: HostRequest) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, ok: true, result } satisfies HostReply),
    (error: unknown) => process.send?.({ id: request.id, ok: false, error: String(error) } satisfies HostReply),
  );
});
// The parent going away ends the host too.
process.on('disconnect', () => process.exit(0));
