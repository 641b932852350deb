// `backups`: the daily database copies the maintenance job keeps (last 7), taking one now, and restoring one.
// Restoring replaces the database, so it holds the data-folder lock and never runs while MagFlow syncs there.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { systemClock } from '../../core/clock';
import { BACKUP_FOLDER, DATABASE_FILE } from '../../core/magflow';
import { BackupError, dailyBackup, listBackups, restoreBackup, type BackupFile } from '../../core/db/backup';
import { dataDirOf, printJson, withCore, type CliContext, type GlobalOptions } from '../context';
import { prepareDataDir } from '../dataDir';
import { CliFailure, UsageError } from '../errors';
import { lockForCommand } from '../lock';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function backupsTable(backups: readonly BackupFile[]): string {
  if (backups.length === 0) return 'No backups yet (the maintenance job takes one a day).\n';
  return `${backups.map((b) => `${b.day}  ${(b.bytes / 1024).toFixed(0).padStart(8)} KiB  ${b.path}`).join('\n')}\n`;
}

/** A day (YYYY-MM-DD) or a backup file name/path from `backups list`. */
function resolveBackup(dir: string, which: string): BackupFile {
  const backups = listBackups(dir);
  const found = DAY.test(which)
    ? backups.find((b) => b.day === which)
    : backups.find((b) => b.path === which || basename(b.path) === basename(which));
  if (!found) {
    const days = backups.map((b) => b.day).join(', ');
    throw new UsageError(`no backup '${which}' in ${dir}${days ? ` (backups: ${days})` : ' (there are none yet)'}`);
  }
  return found;
}

export function backupsCommand(ctx: CliContext, globals: (cmd: Command) => GlobalOptions): Command {
  const backups = new Command('backups').description('daily database backups: list, take one now, restore');

  backups
    .command('list')
    .description('the backups in the data folder, newest first')
    .action((_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      const list = listBackups(join(dataDirOf(ctx, g), BACKUP_FOLDER));
      if (g.json) printJson(ctx.io, list);
      else ctx.io.out(backupsTable(list));
    });

  backups
    .command('now')
    .description("take today's backup now if there is none yet (the copy is integrity-checked)")
    .action(async (_options: unknown, cmd: Command) => {
      const g = globals(cmd);
      await withCore(ctx, g, async ({ core }) => {
        try {
          const outcome = await dailyBackup(join(core.dataDir, DATABASE_FILE), join(core.dataDir, BACKUP_FOLDER), {
            clock: systemClock,
          });
          if (g.json) printJson(ctx.io, outcome);
          else ctx.io.out(outcome.created ? `Backup written: ${outcome.created.path}\n` : "Today's backup exists.\n");
        } catch (error) {
          if (error instanceof BackupError) throw new CliFailure(error.message);
          throw error;
        }
      });
    });

  backups
    .command('restore')
    .description('replace the database with a backup (the current one is kept beside it); quit MagFlow first')
    .argument('<backup>', 'a day (YYYY-MM-DD) or a file name from `backups list`')
    .action((which: string, _options: unknown, cmd: Command) => {
      const g = globals(cmd);
      const dataDir = prepareDataDir(dataDirOf(ctx, g));
      const backup = resolveBackup(join(dataDir, BACKUP_FOLDER), which);
      const lock = lockForCommand(dataDir, 'backups restore');
      try {
        const dbPath = join(dataDir, DATABASE_FILE);
        const outcome = restoreBackup(dbPath, backup.path, systemClock);
        if (g.json) printJson(ctx.io, outcome);
        else {
          ctx.io.out(`Restored ${backup.day} from ${backup.path}\n`);
          if (outcome.previousSavedAs && existsSync(outcome.previousSavedAs))
            ctx.io.out(`The database it replaced is kept as ${outcome.previousSavedAs}\n`);
        }
      } catch (error) {
        if (error instanceof BackupError) throw new CliFailure(error.message);
        throw error;
      } finally {
        lock.release();
      }
    });

  return backups;
}
