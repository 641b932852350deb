// Reads a secret (an eMAG API password, a bucket's secret key) from a named environment variable or from stdin,
// never from a flag, which would land in the shell history and in `ps`.
import { UsageError } from './errors';
import type { CliIo } from './io';

export interface SecretSource {
  /** The environment variable named by the user (e.g. --password-env VAR). */
  env?: string | undefined;
  /** Read it from stdin (one trailing newline is removed). */
  stdin?: boolean | undefined;
}

/** `flag`: the option pair's stem ('password' for --password-env / --password-stdin); `what`: for messages. */
export async function secretFrom(
  ctx: { io: CliIo },
  source: SecretSource,
  flag: string,
  what: string,
): Promise<string> {
  if (source.env !== undefined && source.stdin) {
    throw new UsageError(`give the ${flag} once: --${flag}-env VAR or --${flag}-stdin, not both`);
  }
  if (source.env !== undefined) {
    const value = ctx.io.env[source.env];
    if (!value) throw new UsageError(`the environment variable ${source.env} is not set or empty`);
    return value;
  }
  if (source.stdin) {
    let text: string;
    try {
      text = await ctx.io.readStdin();
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const secret = text.replace(/\r?\n$/, '');
    if (secret === '') throw new UsageError(`--${flag}-stdin: nothing was read from stdin`);
    return secret;
  }
  throw new UsageError(`${what} is required: --${flag}-env VAR or --${flag}-stdin`);
}
