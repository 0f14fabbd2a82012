import { connectFtp } from './ftp-client.js';
import type { RemoteClient } from './remote-client.js';
import type { RemoteTarget } from './remote-target.js';
import { connectSftp } from './sftp-client.js';

export function connectRemote(target: RemoteTarget): Promise<RemoteClient> {
  return target.protocol === 'sftp' ? connectSftp(target) : connectFtp(target);
}
