import { type Command, Option } from 'commander';
import type { TemplateView } from '../../app/index.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { printJson, SERVER_OPTION, table } from '../output.js';
import { readTextInput } from '../read-input.js';

interface Common {
  server?: string;
  json: boolean;
}

export function register(program: Command, deps: CliDeps): void {
  const templates = program.command('templates').summary('NFO and file_id.diz templates');
  const v = deps.context.version;
  const common = (c: Command) => c.option(...SERVER_OPTION).option('--json', 'print JSON', false);

  common(templates.command('list').summary('built-in, global and your own templates')).action((o: Common) =>
    withBackend(v, o.server, async (b) => {
      const all = await b.templates();
      if (o.json) return printJson(deps, { items: all });
      deps.stdout.write(
        table([
          ['ID', 'NAME', 'TYPE', 'KIND', 'OWNER'],
          ...all.map((t) => [
            String(t.id),
            String(t.name),
            String(t.releaseType),
            String(t.kind),
            t.builtIn ? 'built-in' : t.ownerId ? 'private' : 'global',
          ]),
        ]),
      );
    }),
  );
  common(templates.command('get').summary('print a template body').argument('<name|id>')).action(
    (idOrName: string, o: Common) =>
      withBackend(v, o.server, async (b) => {
        const t = await b.template(idOrName);
        if (o.json) return printJson(deps, t);
        deps.stdout.write(String(t.body));
      }),
  );
  common(
    templates
      .command('render')
      .summary('render a template (stored, or a file) with sample data or --data')
      .argument('<name|id|file>')
      .option('--data <file>', 'JSON data merged over the sample data')
      .addOption(new Option('--kind <kind>', 'for a file: nfo or diz').choices(['nfo', 'diz']).default('nfo'))
      .addOption(
        new Option('--type <type>', 'for a file: ebook or tv').choices(['ebook', 'tv']).default('ebook'),
      ),
  ).action(
    (
      target: string,
      o: Common & { data?: string; kind: TemplateView['kind']; type: TemplateView['releaseType'] },
    ) =>
      withBackend(v, o.server, async (b) => {
        const data = o.data
          ? (JSON.parse(await readTextInput(o.data)) as Record<string, unknown>)
          : undefined;
        const stored = await b.template(target).catch(() => null);
        const input = stored
          ? { body: stored.body, kind: stored.kind, releaseType: stored.releaseType }
          : { body: await readTextInput(target), kind: o.kind, releaseType: o.type };
        const preview = await b.renderTemplate({ ...input, ...(data ? { data } : {}) });
        if (o.json) return printJson(deps, preview);
        deps.stdout.write(preview.text.replace(/\r\n/g, '\n'));
        for (const w of preview.warnings) deps.stderr.write(`warning: ${JSON.stringify(w)}\n`);
      }),
  );
  common(
    templates
      .command('set')
      .summary('create or replace your template <name> from a file')
      .argument('<name>')
      .requiredOption('--file <file>', 'the Liquid template')
      .addOption(new Option('--kind <kind>', 'nfo or diz').choices(['nfo', 'diz']).default('nfo'))
      .addOption(new Option('--type <type>', 'ebook or tv').choices(['ebook', 'tv']).default('ebook')),
  ).action(
    (
      name: string,
      o: Common & { file: string; kind: TemplateView['kind']; type: TemplateView['releaseType'] },
    ) =>
      withBackend(v, o.server, async (b) => {
        const saved = await b.saveTemplate({
          name,
          body: await readTextInput(o.file),
          kind: o.kind,
          releaseType: o.type,
        });
        if (o.json) return printJson(deps, saved);
        deps.stdout.write(`saved template ${saved.name} (${saved.id})\n`);
      }),
  );
}
