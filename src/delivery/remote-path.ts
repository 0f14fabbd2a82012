import { posix } from 'node:path';
import { RelpackError, sharedTemplateSandbox } from '../engine/index.js';

export interface RemotePathData {
  readonly release: string;
  readonly type: string;
  readonly group: string;
  readonly date: string;
}

/**
 * The remote release directory: the destination's path template (Liquid, e.g.
 * `/incoming/{{ type }}/{{ release }}`) rendered and placed under its base path. Every segment is
 * checked so a release name can never climb out of the base path.
 */
export async function resolveRemoteDir(
  basePath: string,
  template: string,
  data: RemotePathData,
): Promise<string> {
  const rendered = (await sharedTemplateSandbox().render(template, data, 'remote path')).trim();
  const segments = rendered.split('/').filter((s: string) => s !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || [...segment].some((c) => c < ' ' || c === '\\')) {
      throw new RelpackError(
        'INVALID_ARGUMENT',
        `The remote path template gave an unsafe segment "${segment}"`,
        {
          template,
          rendered,
        },
      );
    }
  }
  if (segments.length === 0) {
    throw new RelpackError('INVALID_ARGUMENT', 'The remote path template rendered to nothing', { template });
  }
  return posix.join(basePath.startsWith('/') ? basePath : `/${basePath}`, ...segments);
}
