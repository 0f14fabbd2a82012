// One scratch directory per test run, removed when the run ends: packs of large (sparse)
// sources write real gigabytes, and a machine's disk must not fill up run after run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'relpack-run-'));
  // Workers are started after this runs, so they inherit it.
  process.env.RELPACK_TEST_TMP = root;
  // A command a test runs without RELPACK_DATA_DIR keeps its data here, not in the tester's home.
  process.env.XDG_DATA_HOME = join(root, 'xdg-data');
  return () => rmSync(root, { recursive: true, force: true });
}
