import type { RemoteClient } from './remote-client.js';
import type { RemoteTarget } from './remote-target.js';

/** The client of one protocol, loaded when a transfer needs it (ssh2 and basic-ftp are large). */
export async function connectRemote(target: RemoteTarget): Promise<RemoteClient> {
  if (target.protocol === 'sftp') return (await import('./sftp-client.js')).connectSftp(target);
  return (await import('./ftp-client.js')).connectFtp(target);
}
