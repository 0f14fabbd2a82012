import type { Command } from 'commander';

/**
 * Examples shown at the end of each command's `--help` (clig.dev: people learn from examples
 * first). One table, so test/cli-help.test.ts can hold every command to having some.
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  relpack: [
    'relpack pack tv ep.mkv -g GRP -m show="Show Name" -m season=1 -m episode=2 -m format=HDTV',
    'relpack validate ./Show.Name.S01E02.720p.HDTV.x264-GRP',
    'relpack serve --port 8080',
  ],
  pack: [
    'relpack pack ebook book.epub -g GRP -m source=RETAiL',
    'relpack pack tv ep.mkv -g GRP --name Show.Name.S01E02.720p.HDTV.x264-GRP',
  ],
  'pack ebook': [
    'relpack pack ebook book.epub -g GRP -m source=RETAiL',
    'relpack pack ebook scan.pdf -g GRP -m author="Ann Author" -m title="A Title" -m year=2020 -m source=SCAN --dry-run',
    'relpack pack ebook book.epub -g GRP -m source=RETAiL --job --upload site-a',
  ],
  'pack tv': [
    'relpack pack tv ep.mkv -g GRP -m show="Show Name" -m season=1 -m episode=2 -m format=HDTV --sample',
    'relpack pack tv ep.mkv -g GRP --name Show.Name.S01E02.720p.HDTV.x264-GRP --json',
    'relpack pack tv https://example.org/ep.mkv -g GRP --job',
  ],
  fix: [
    'relpack fix nfo ./Show.Name.S01E02.720p.HDTV.x264-GRP --nfo fixed.nfo',
    'relpack fix dir ./Show.Name.S01E02.720p.HDTV.x264-GRP --name Show.Name.S01E03.720p.HDTV.x264-GRP',
  ],
  'fix nfo': [
    'relpack fix nfo ./Show.Name.S01E02.720p.HDTV.x264-GRP --nfo fixed.nfo',
    'relpack fix nfo ./Ann.Author.A.Title.2020.RETAiL.ePUB.eBOOK-GRP --nfo fixed.nfo.liquid -o ~/fixes --json',
    'relpack fix nfo 3f2a9c1e --nfo fixed.nfo   # the release of a completed job, as a fix job',
  ],
  'fix sample': [
    'relpack fix sample ./Show.Name.S01E02.720p.HDTV.x264-GRP',
    'relpack fix sample ./Show.Name.S01E02.720p.HDTV.x264-GRP --source ep.mkv --time 2026-12-01T20:00:00Z',
  ],
  'fix dir': [
    'relpack fix dir ./Show.Name.S01E02.720p.HDTV.x264-GRP --name Show.Name.S01E03.720p.HDTV.x264-GRP',
    'relpack fix dir ./Wrong.Name.2020.RETAiL.eBOOK-GRP --name Ann.Author.A.Title.2020.RETAiL.eBOOK-GRP --nfo dirfix.nfo',
    'relpack fix dir 3f2a9c1e --name Show.Name.S01E03.720p.HDTV.x264-GRP --preview --server https://relpack.example',
  ],
  repack: [
    'relpack repack ./Show.Name.S01E02.720p.HDTV.x264-GRP --reason "volume 12 was cut short"',
    'relpack repack ./Show.Name.S01E02.720p.HDTV.x264-OTHER --proper -g GRP --reason "the .r05 fails its CRC"',
    'relpack repack 3f2a9c1e --reason "volume 12 was cut short" --server https://relpack.example',
  ],
  srr: [
    'relpack srr create ./Show.Name.S01E02.720p.HDTV.x264-GRP',
    'relpack srr show Show.Name.S01E02.720p.HDTV.x264-GRP.srr',
    'relpack srr rebuild Show.Name.S01E02.720p.HDTV.x264-GRP.srr ep.mkv -o ./rebuilt',
  ],
  'srr create': [
    'relpack srr create ./Show.Name.S01E02.720p.HDTV.x264-GRP',
    'relpack srr create ./Show.Name.S01E02.720p.HDTV.x264-GRP -o ~/srr/Show.Name.S01E02.720p.HDTV.x264-GRP.srr',
  ],
  'srr show': [
    'relpack srr show Show.Name.S01E02.720p.HDTV.x264-GRP.srr',
    'relpack srr show Show.Name.S01E02.720p.HDTV.x264-GRP.srr --json',
  ],
  'srr rebuild': [
    'relpack srr rebuild Show.Name.S01E02.720p.HDTV.x264-GRP.srr ep.mkv -o ./Show.Name.S01E02.720p.HDTV.x264-GRP',
    'relpack srr rebuild release.srr ./media-folder -o ./rebuilt --json',
  ],
  batch: [
    'relpack batch releases.json --concurrency 2 --continue-on-error',
    'relpack batch - --server https://relpack.example < releases.json',
  ],
  jobs: ['relpack jobs list --status failed', 'relpack jobs logs <id> --follow'],
  'jobs list': [
    'relpack jobs list --status failed,cancelled --type tv',
    'relpack jobs list -q Show.Name --limit 5 --json',
  ],
  'list-jobs': ['relpack list-jobs --status running'],
  'jobs show': ['relpack jobs show <id>', 'relpack jobs show <id> --json'],
  releases: [
    'relpack releases',
    'relpack releases -q show.name.s01e02 --json --server https://relpack.example',
  ],
  'jobs history': [
    'relpack jobs history <id>',
    'relpack jobs history 3f2a9c1e --json --server https://relpack.example',
  ],
  'jobs logs': ['relpack jobs logs <id> --level warn', 'relpack jobs logs <id> --follow --json'],
  logs: ['relpack logs <id> --follow'],
  'jobs cancel': ['relpack jobs cancel <id>'],
  'jobs retry': ['relpack jobs retry <id>'],
  'jobs delete': ['relpack jobs delete <id>'],
  prefs: ['relpack prefs get', 'relpack prefs set pack.group GRP'],
  'prefs get': [
    'relpack prefs get                 # every key, and where its value comes from',
    'relpack prefs get pack.group --json',
  ],
  'prefs set': ['relpack prefs set pack.group GRP', 'relpack prefs set ui.theme dark --global'],
  'prefs unset': ['relpack prefs unset pack.group'],
  'prefs export': ['relpack prefs export prefs.json', 'relpack prefs export --global > global.json'],
  'prefs import': ['relpack prefs import prefs.json --dry-run', 'relpack prefs import prefs.json'],
  templates: ['relpack templates list', 'relpack templates render my-nfo'],
  'templates list': ['relpack templates list --json'],
  'templates get': ['relpack templates get my-nfo > my.nfo.liquid'],
  'templates set': ['relpack templates set my-nfo --file my.nfo.liquid --kind nfo --type tv'],
  'templates render': [
    'relpack templates render my-nfo',
    'relpack templates render draft.liquid --kind diz --data extra.json',
  ],
  upload: [
    'relpack upload ./Show.Name.S01E02.720p.HDTV.x264-GRP --to site-a --to site-b',
    'relpack upload <pack-job-id> --to site-a --server https://relpack.example',
  ],
  destinations: ['relpack destinations list', 'relpack destinations test site-a'],
  'destinations list': ['relpack destinations list --json'],
  'destinations show': ['relpack destinations show site-a'],
  'destinations add': [
    'relpack destinations add site-a --protocol sftp --host ftp.example --user me --password-env SITE_PASS --base-path /incoming --trust-on-first-use',
    'relpack destinations add site-b --protocol ftps --host 192.0.2.7 --port 2121 --user me --password-stdin --base-path /upload --tls-fingerprint AA:BB:…',
  ],
  'destinations set': [
    'relpack destinations set site-a --port 2222',
    'relpack destinations set site-a --disable',
  ],
  'destinations remove': ['relpack destinations remove site-a'],
  'destinations test': ['relpack destinations test site-a'],
  login: [
    'RELPACK_PASSWORD=… relpack login --server https://relpack.example -u me',
    'pass show relpack | relpack login --server https://relpack.example -u me --password-stdin',
  ],
  logout: ['relpack logout --server https://relpack.example'],
  passwd: [
    'relpack passwd                                   # asks on the terminal, as RELPACK_USER (default admin)',
    'relpack passwd --server https://relpack.example  # the account you logged in as',
    'printf \'%s\\n%s\\n\' "$OLD" "$NEW" | relpack passwd --password-stdin',
  ],
  meta: [
    'relpack meta book.epub',
    'relpack meta book.epub --lookup --json',
    'relpack meta ep.mkv --lookup --show "Show Name" --season 1 --episode 2',
  ],
  validate: [
    'relpack validate ./Show.Name.S01E02.720p.HDTV.x264-GRP',
    'relpack validate ./release --profile ebook-2022 --json',
  ],
  name: ['relpack name check Show.Name.S01E02.720p.HDTV.x264-GRP -p tv-720p-2016'],
  'name check': [
    'relpack name check Show.Name.S01E02.720p.HDTV.x264-GRP -p tv-720p-2016',
    'relpack name check "Some Name" -p ebook-2022 --json',
  ],
  'name parse': [
    'relpack name parse Show.Name.S01E02.720p.HDTV.x264-GRP -p tv-720p-2016',
    'relpack name parse Ann.Author.A.Title.2020.RETAiL.ePUB.eBOOK-GRP -p ebook-2022 --json',
  ],
  rules: ['relpack rules list', 'relpack rules show tv-720p-2016'],
  'rules list': ['relpack rules list --json'],
  'rules show': ['relpack rules show ebook-2022', 'relpack rules show tv-720p-2016 --json'],
  rar: [
    'relpack rar ep.mkv -o out/ep-grp -v 50MB --sfv            # ep-grp.rar, .r00, … and ep-grp.sfv',
    'relpack rar Folder/ -o out/set -v 15MiB --format rar5      # set.part1.rar, …',
    'relpack rar ep.mkv -o out/ep -v 50000000 --dry-run --json',
  ],
  start: ['npm start                 # the same as relpack serve'],
  serve: ['relpack serve', 'PORT=9000 DATABASE_URL=postgres://relpack@db/relpack relpack serve'],
  worker: ['REDIS_URL=redis://127.0.0.1:6379 relpack worker --concurrency 2'],
  db: ['relpack db migrate'],
  'db migrate': ['DATABASE_URL=mariadb://root@127.0.0.1/relpack relpack db migrate'],
  admin: ['relpack admin create -u alice'],
  'admin create': [
    'relpack admin create -u alice                       # prints a generated password',
    'printf %s "$PASS" | relpack admin create -u bob -r admin --password-stdin',
  ],
  secrets: ['relpack secrets rotate'],
  'secrets rotate': ['RELPACK_SECRET_KEY=<new> RELPACK_SECRET_KEY_PREVIOUS=<old> relpack secrets rotate'],
  completion: [
    'relpack completion bash > /etc/bash_completion.d/relpack',
    'relpack completion zsh > ~/.zsh/completions/_relpack',
  ],
};

/** Adds each command's examples to its help, after everything else. */
export function addExamples(program: Command): void {
  const visit = (command: Command, path: string) => {
    const examples = EXAMPLES[path];
    if (examples) command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}`);
    for (const sub of command.commands) visit(sub, path === 'relpack' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(program, 'relpack');
}
