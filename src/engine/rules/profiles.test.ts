// Profiles are data; these invariants keep the data honest against the code and the facts file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProfile, listProfiles } from './registry.js';

const engineDir = fileURLToPath(new URL('..', import.meta.url));

async function checkIdsUsedByCode(): Promise<Set<string>> {
  const ids = new Set<string>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = await readFile(path, 'utf8');
        for (const m of text.matchAll(/\.add\(\s*'([a-z0-9.-]+)'/g)) ids.add(m[1]!);
        for (const m of text.matchAll(/\? '(release\.[a-z-]+)' : '(release\.[a-z-]+)'/g))
          ids.add(m[1]!).add(m[2]!);
      }
    }
  };
  await walk(engineDir);
  return ids;
}

describe('rule profiles', () => {
  it('are the four the product ships, with unique ids', () => {
    expect(listProfiles().map((p) => p.id)).toEqual(['ebook-2022', 'tv-720p-2016', 'tv-sd-2016', 'web-2020']);
    expect(() => getProfile('nope')).toThrow(expect.objectContaining({ code: 'UNKNOWN_PROFILE' }));
  });

  it.each(listProfiles().map((p) => [p.id, p] as const))(
    '%s: unique check ids, inferred rules only warn, every check has a source',
    (_id, p) => {
      const ids = p.checks.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const check of p.checks) {
        if (check.confidence === 'I') expect(check.severity, check.id).toBe('warn');
        expect(check.ref, check.id).toMatch(/facts §/);
        expect(check.message.length, check.id).toBeGreaterThan(10);
      }
    },
  );

  it('every check id the code emits is defined in some profile, and every defined id is emitted', async () => {
    const used = await checkIdsUsedByCode();
    const defined = new Set(listProfiles().flatMap((p) => p.checks.map((c) => c.id)));
    expect([...used].filter((id) => !defined.has(id)).sort()).toEqual([]);
    expect([...defined].filter((id) => !used.has(id)).sort()).toEqual([]);
  });

  it('every check id is documented in docs/rules.md', async () => {
    const doc = await readFile(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    const defined = [...new Set(listProfiles().flatMap((p) => p.checks.map((c) => c.id)))];
    expect(defined.filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });

  it('carry the facts-file values', () => {
    const eb = getProfile('ebook-2022');
    expect(eb.packaging.archive.volumeSizes.default!.fixed).toEqual([
      5e6, 10e6, 50e6, 100e6, 150e6, 200e6, 250e6,
    ]);
    expect(eb.packaging.archive.maxVolumes).toBe(99);
    expect(eb.limits).toEqual({ dirnameMax: 243, innerFileNameMax: 140 });
    expect(eb.packaging.diz).toEqual({ maxWidth: 44, maxLines: 30 });
    const hd = getProfile('tv-720p-2016');
    expect(hd.packaging.archive).toMatchObject({
      formats: ['rar4'],
      naming: 'old',
      maxVolumes: 101,
      stepUpMinVolumes: 10,
    });
    expect(getProfile('tv-sd-2016').packaging.archive.volumeSizes.default).toEqual({
      fixed: [15e6, 20e6],
      multipleOf: 50e6,
    });
  });
});
