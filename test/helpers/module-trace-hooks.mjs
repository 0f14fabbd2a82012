import { appendFileSync } from 'node:fs';

const file = process.env.RELPACK_TRACE_FILE;

export async function load(url, context, nextLoad) {
  if (file && !url.startsWith('node:')) appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
