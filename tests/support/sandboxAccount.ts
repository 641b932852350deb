// Saves a sandbox account in a test's core as the seller would in Settings: its name, kind and credentials, pointed at
// the sandbox's URL.
import type { AccountKind } from '../../shared/domain';
import type { MagflowCore } from '../../main/core/magflow';

export interface SandboxCredentials {
  username: string;
  password: string;
  kind: AccountKind;
}

export const saveSandboxAccount = (core: MagflowCore, name: string, spec: SandboxCredentials, apiUrl: string) =>
  core.accounts.save({
    name,
    platform: 'emag-ro',
    kind: spec.kind,
    username: spec.username,
    password: spec.password,
    apiUrl,
  });
