// The lists adapters show before any use-case is loaded: `--help` choices, the metrics' label sets.
// This module imports nothing at run time (types only), so `relpack --help` costs no more than
// commander; test/architecture.test.ts holds it to that.
import type { JobStatus, JobType, LogLevel } from '../../db/index.js';

export const JOB_STATUSES = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
] as const satisfies readonly JobStatus[];
/** Where a job ends: no further change but a retry. */
export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'] as const satisfies readonly JobStatus[];
export const JOB_TYPES = ['ebook', 'tv', 'upload'] as const satisfies readonly JobType[];
/** The release types a pack job (and the wizard) can make. */
export const RELEASE_TYPES = ['ebook', 'tv'] as const satisfies readonly JobType[];
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];
