import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { connectRemote } from './connect-remote.js';
import { deliveryError } from './delivery-error.js';
import type { RemoteTarget, ServerIdentity } from './remote-target.js';

export interface ProbeResult {
  readonly ok: true;
  /** Connect + authenticate, in milliseconds. */
  readonly connectMs: number;
  /** Write, size and delete of a small probe file in the base path. */
  readonly writeMs: number;
  readonly identity: ServerIdentity;
}

/**
 * Proves a destination works end to end: connects, authenticates, creates the base path if
 * needed, writes a probe file, checks its size and removes it. Throws a DeliveryError whose code
 * says which step failed (DNS, refused, TLS, host key, auth, permission).
 */
export async function probeDestination(target: RemoteTarget, basePath: string): Promise<ProbeResult> {
  const t0 = performance.now();
  const client = await connectRemote(target);
  const connectMs = Math.round(performance.now() - t0);
  try {
    const t1 = performance.now();
    await client.ensureDir(basePath);
    const probe = posix.join(basePath, `.relpack-probe-${randomBytes(4).toString('hex')}`);
    const body = Buffer.from('relpack destination test\n');
    await client.upload(Readable.from([body]), probe, 0);
    const size = await client.size(probe);
    await client.remove(probe);
    if (size !== body.length) {
      throw deliveryError(
        'DELIVERY_VERIFY_FAILED',
        target.host,
        `The probe file came back with ${size} bytes`,
        {
          transient: false,
        },
      );
    }
    return { ok: true, connectMs, writeMs: Math.round(performance.now() - t1), identity: client.identity };
  } finally {
    await client.close();
  }
}
