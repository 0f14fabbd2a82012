import { Command } from 'commander';
import { dataDirHelp } from '../data-dir.js';
import type { CliDeps } from './cli-deps.js';
import { register as registerAdmin } from './commands/admin.js';
import { register as registerBatch } from './commands/batch.js';
import { register as registerCompletion } from './commands/completion.js';
import { register as registerDb } from './commands/db.js';
import { register as registerDestinations } from './commands/destinations.js';
import { register as registerFix } from './commands/fix.js';
import { register as registerJobs } from './commands/jobs.js';
import { register as registerLogin } from './commands/login.js';
import { register as registerMeta } from './commands/meta.js';
import { register as registerName } from './commands/name.js';
import { register as registerPack } from './commands/pack.js';
import { register as registerPasswd } from './commands/passwd.js';
import { register as registerPrefs } from './commands/prefs.js';
import { register as registerRar } from './commands/rar.js';
import { register as registerReleases } from './commands/releases.js';
import { register as registerRepack } from './commands/repack.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerSecrets } from './commands/secrets.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerSrr } from './commands/srr.js';
import { register as registerTemplates } from './commands/templates.js';
import { register as registerUpload } from './commands/upload.js';
import { register as registerValidate } from './commands/validate.js';
import { addExamples } from './examples.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  rule violations (a check found blocking problems)
  2  usage error (bad option, output not empty, volume size too small …)
  3  input not found or unreadable
  4  remote or network error
  5  internal error
  6  some items of a batch failed`;

/** Builds the whole command tree; nothing here touches process.* so tests can drive it. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('relpack')
    .description('Scene release packer: RAR volumes, ZIP disks, NFO/DIZ/SFV, validation and delivery')
    .version(deps.context.version, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP + dataDirHelp())
    .configureOutput({
      writeOut: (text) => deps.stdout.write(text),
      writeErr: (text) => deps.stderr.write(text),
    })
    .exitOverride();
  registerPack(program, deps);
  registerBatch(program, deps);
  registerJobs(program, deps);
  registerPrefs(program, deps);
  registerTemplates(program, deps);
  registerUpload(program, deps);
  registerDestinations(program, deps);
  registerLogin(program, deps);
  registerPasswd(program, deps);
  registerMeta(program, deps);
  registerValidate(program, deps);
  registerFix(program, deps);
  registerRepack(program, deps);
  registerReleases(program, deps);
  registerName(program, deps);
  registerRules(program, deps);
  registerRar(program, deps);
  registerSrr(program, deps);
  registerServe(program, deps);
  registerDb(program, deps);
  registerAdmin(program, deps);
  registerSecrets(program, deps);
  registerCompletion(program, deps);
  addExamples(program);
  return program;
}
