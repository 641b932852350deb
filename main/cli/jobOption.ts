// The `--job` option of `sync` and `runs`: the job names, plus the name a job had before it was renamed (a script
// written for an older MagFlow keeps working).
import { Option } from 'commander';
import { JOB_NAMES, type JobName } from '../../shared/domain';

/** Former job names and what they are called now (the database's runs were renamed with them, migration 005). */
export const JOB_ALIASES: Readonly<Record<string, JobName>> = { acknowledge: 'send-actions' };

/** `--job <job>`: a job name, one of `extra` (e.g. `all`), or a former name, which is read as today's. */
export function jobOption(description: string, extra: readonly string[] = []): Option {
  const option = new Option('--job <job>', description).choices([...JOB_NAMES, ...extra, ...Object.keys(JOB_ALIASES)]);
  const checkChoice = option.parseArg!;
  return option.argParser((value: string, previous: unknown) => {
    const checked = checkChoice(value, previous) as string;
    return JOB_ALIASES[checked] ?? checked;
  });
}
