import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from './start-app';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Starts the app once for every spec; without Chromium or mkvmerge the specs skip (never under CI). */
export default async function globalSetup() {
  const missing = [
    existsSync(chromium) ? null : `Chromium (${chromium}: apt-get install chromium)`,
    has('mkvmerge') ? null : 'mkvmerge (apt-get install mkvtoolnix)',
  ].filter(Boolean);
  if (missing.length > 0) {
    if (process.env.CI) throw new Error(`CI=true and the web UI tests need ${missing.join(' and ')}`);
    process.env.RELPACK_E2E_SKIP = `missing ${missing.join(' and ')}`;
    console.warn(`web UI tests skipped: ${process.env.RELPACK_E2E_SKIP}`);
    return;
  }
  // The UI under test is the built one that `relpack serve` serves: build it if the sources changed.
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'build-web-if-needed.js')], {
    stdio: 'inherit',
  });
  const app = await startApp({ withMkv: true });
  process.env.RELPACK_E2E_URL = app.url;
  process.env.RELPACK_E2E_DATA = app.dataDir;
  return () => app.stop();
}
