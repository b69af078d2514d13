// Module resolution hook for moduleRecorder.mjs (runs on the loader thread).
import { appendFileSync } from 'node:fs';

const file = process.env.WUHOU_RECORD_MODULES;

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file) appendFileSync(file, `${result.url}\n`);
  return result;
}
