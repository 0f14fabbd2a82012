import { type Command, Option } from 'commander';
import type { CliDeps } from '../cli-deps.js';

function words(cmd: Command): { commands: string[]; options: string[] } {
  return {
    commands: cmd.commands
      .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden)
      .map((c) => c.name()),
    options: cmd.options.flatMap((o: Option) => [o.long, o.short].filter((x): x is string => Boolean(x))),
  };
}

/** The command tree as `path → words`, so the scripts complete subcommands and options. */
function tree(program: Command): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (cmd: Command, path: string) => {
    const w = words(cmd);
    out.set(path, [...w.commands, ...w.options, '--help']);
    for (const sub of cmd.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, '');
  return out;
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('completion')
    .summary('print a shell completion script: eval "$(relpack completion bash)"')
    .addOption(new Option('--shell <shell>').hideHelp())
    .argument('<shell>', 'bash or zsh')
    .action((shell: string) => {
      const entries = [...tree(program)]
        .map(([path, list]) => `    "${path}") words="${list.join(' ')}" ;;`)
        .join('\n');
      const body = `_relpack_complete() {
  local cur path i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  path=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) path="\${path:+$path }\${COMP_WORDS[i]}" ;; esac
  done
  local words=""
  case "$path" in
${entries}
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -F _relpack_complete relpack
`;
      if (shell === 'bash') deps.stdout.write(body);
      else if (shell === 'zsh') deps.stdout.write(`autoload -U +X bashcompinit && bashcompinit\n${body}`);
      else {
        deps.stderr.write('relpack completion: choose bash or zsh\n');
        deps.setExitCode(2);
      }
    });
}
