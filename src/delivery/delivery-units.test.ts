import { describe, expect, it } from 'vitest';
import { classifyDeliveryError } from './delivery-error.js';
import { sameFingerprint, sshKeyFingerprint } from './fingerprints.js';
import { parseHashReply, parseXcrcReply } from './ftp-client.js';
import { orderForUpload } from './release-files.js';
import { resolveRemoteDir } from './remote-path.js';

describe('upload order', () => {
  it('puts SFV and NFO first, then volumes in sequence, then other files, then subdirectories', () => {
    const names = [
      'Sample/x-sample.mkv',
      'x.r10',
      'x.r00',
      'x.s00',
      'x.rar',
      'x.r99',
      'x.nfo',
      'x.sfv',
      'Proof/x-proof.jpg',
      'file_id.diz',
    ];
    expect(orderForUpload(names.map((path) => ({ path }))).map((f) => f.path)).toEqual([
      'x.sfv',
      'x.nfo',
      'file_id.diz',
      'x.rar',
      'x.r00',
      'x.r10',
      'x.r99',
      'x.s00',
      'Proof/x-proof.jpg',
      'Sample/x-sample.mkv',
    ]);
    const parts = ['b.part10.rar', 'b.part2.rar', 'b.part1.rar'].map((path) => ({ path }));
    expect(orderForUpload(parts).map((f) => f.path)).toEqual(['b.part1.rar', 'b.part2.rar', 'b.part10.rar']);
    const zips = ['abc003.zip', 'abc001.zip', 'abc002.zip'].map((path) => ({ path }));
    expect(orderForUpload(zips).map((f) => f.path)).toEqual(['abc001.zip', 'abc002.zip', 'abc003.zip']);
  });
});

describe('remote path template', () => {
  const data = { release: 'Show.S01E01.720p.HDTV.x264-GRP', type: 'tv', group: 'GRP', date: '2026-11-26' };
  it('renders under the base path', async () => {
    expect(await resolveRemoteDir('/incoming', '{{ type }}/{{ release }}', data)).toBe(
      '/incoming/tv/Show.S01E01.720p.HDTV.x264-GRP',
    );
    expect(await resolveRemoteDir('up', '/{{ date }}//{{ release }}/', data)).toBe(
      '/up/2026-11-26/Show.S01E01.720p.HDTV.x264-GRP',
    );
  });
  it('refuses segments that would climb out or carry control characters', async () => {
    await expect(resolveRemoteDir('/in', '../{{ release }}', data)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(resolveRemoteDir('/in', '{{ release }}', { ...data, release: 'a\nb' })).rejects.toThrow(
      /unsafe/,
    );
    await expect(resolveRemoteDir('/in', '{{ nothing }}', data)).rejects.toThrow(/nothing/);
  });
});

describe('error classification', () => {
  const kind = (e: unknown) => {
    const d = classifyDeliveryError(e, 'h', 'doing');
    return [d.code, d.details.transient];
  };
  it('tells transient from permanent failures', () => {
    expect(kind(Object.assign(new Error('530 Login incorrect.'), { code: 530 }))).toEqual([
      'DELIVERY_AUTH',
      false,
    ]);
    expect(kind(Object.assign(new Error('553 Could not create file.'), { code: 553 }))).toEqual([
      'DELIVERY_PERMISSION',
      false,
    ]);
    expect(kind(Object.assign(new Error('552 Quota'), { code: 552 }))).toEqual(['DELIVERY_DISK_FULL', false]);
    expect(kind(Object.assign(new Error('421 Timeout.'), { code: 421 }))).toEqual(['DELIVERY_NETWORK', true]);
    expect(kind(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual([
      'DELIVERY_NETWORK',
      true,
    ]);
    expect(kind(Object.assign(new Error('Permission denied'), { code: 3 }))).toEqual([
      'DELIVERY_PERMISSION',
      false,
    ]);
    expect(
      kind(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })),
    ).toEqual(['DELIVERY_TLS', false]);
    expect(
      kind(
        Object.assign(new Error('All configured authentication methods failed'), {
          level: 'client-authentication',
        }),
      ),
    ).toEqual(['DELIVERY_AUTH', false]);
    expect(kind(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }))).toEqual([
      'DELIVERY_DNS',
      false,
    ]);
  });
});

describe('fingerprints', () => {
  it('matches the OpenSSH form and ignores case and colons for certificates', () => {
    expect(sshKeyFingerprint(Buffer.from('key'))).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(sameFingerprint('AA:BB:cc', 'aabbCC')).toBe(true);
    expect(sameFingerprint('AA:BB', 'AA:BC')).toBe(false);
    expect(sameFingerprint('SHA256:abc=', 'SHA256:abc')).toBe(true);
    expect(sameFingerprint('SHA256:abc', 'SHA256:abd')).toBe(false);
  });
});

describe('FTP checksum replies', () => {
  it('reads CRC-32 from HASH and XCRC answers, multi-line or not', () => {
    expect(parseHashReply('213-Computing CRC32 digest\n213 CRC32 0-12813 ee2a9136 /tmp/a.txt')).toBe(
      0xee2a9136,
    );
    expect(parseHashReply('213 CRC32 0-5 0000ffff a b.txt')).toBe(0xffff);
    expect(parseHashReply('213 SHA-256 0-5 abc a')).toBeNull();
    expect(parseXcrcReply('250-Computing CRC32 digest\n250 EE2A9136')).toBe(0xee2a9136);
    expect(parseXcrcReply('250 0x0000FFFF')).toBe(0xffff);
    expect(parseXcrcReply('550 No such file')).toBeNull();
  });
});
