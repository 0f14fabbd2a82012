import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

let host: string | null = null;

/**
 * The host part of a job's `worker` (`host:pid`): the host name, plus the PID namespace where the
 * system shows it. Containers on the host network share the machine's name while each numbers its
 * processes from 1, so two workers were both `machine:7`, and a pid could be looked up in the
 * wrong container.
 */
export function workerHost(): string {
  if (host === null) {
    let namespace: string | undefined;
    try {
      namespace = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1];
    } catch {
      namespace = undefined; // not Linux, or /proc not mounted: the host name alone
    }
    host = namespace ? `${hostname()}/pidns-${namespace}` : hostname();
  }
  return host;
}

/** This process as a job's `worker`. */
export const workerName = (): string => `${workerHost()}:${process.pid}`;

/**
 * Whether `host` (from a job's `worker`) is this process's host. A bare host name is how workers
 * were named before the namespace was added: it still counts as this host, as it did then.
 */
export const isThisHost = (host: string): boolean => host === workerHost() || host === hostname();
