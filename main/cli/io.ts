// What a command may touch besides the core: stdout for data, stderr for messages, stdin, the environment.
// Passed in (not global) so commands stay testable and stdout stays clean for --json and --csv.
export interface CliIo {
  out(text: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(`${line}\n`),
    readStdin: async () => {
      if (process.stdin.isTTY)
        throw new Error('stdin is a terminal: pipe the secret in (printf %s "$SECRET" | magflow ...)');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
  };
}
