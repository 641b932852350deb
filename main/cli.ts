// `magflow` (or `npm run -s cli -- <command>` from a checkout): MagFlow's core without Electron.
// See docs/cli.md. Exit codes: 0 ok, 1 runtime failure, 2 usage error; errors are one line on stderr.
import { oneLine } from './cli/errors';
import { processIo } from './cli/io';
import { runCli } from './cli/program';

const exitAfterFlush = (code: number): void => {
  // Let a large --json or --csv output reach a pipe before exiting (pipes are asynchronous on some OSes).
  process.stdout.write('', () => process.exit(code));
};

const fatal = (error: unknown): void => {
  process.stderr.write(`magflow: ${oneLine(error)}\n`);
  exitAfterFlush(1);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0); // `magflow orders | head`: the reader left; not an error
});

runCli(process.argv.slice(2), { io: processIo() }).then(exitAfterFlush, fatal);
