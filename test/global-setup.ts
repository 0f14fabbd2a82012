// One scratch directory per test run, removed when the run ends: packs of large (sparse)
// sources write real gigabytes, and a machine's disk must not fill up run after run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'relpack-run-'));
  // Workers are started after this runs, so they inherit it.
  process.env.RELPACK_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
