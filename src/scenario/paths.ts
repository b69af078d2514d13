/**
 * Dotted paths (`supermarket.vegetables.cap`) into nested plain objects. Segments that
 * could reach an object's prototype are refused, so no override can pollute one.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function splitPath(path: string): string[] {
  const parts = path.split('.');
  for (const p of parts) {
    if (p === '') throw new PathError(path, 'has an empty segment');
    if (FORBIDDEN.has(p)) throw new PathError(path, `uses the forbidden segment "${p}"`);
  }
  return parts;
}

export class PathError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`path "${path}" ${reason}`);
  }
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of splitPath(path)) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Sets a value at a path, creating plain objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = splitPath(path);
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      const created: Record<string, unknown> = {};
      Object.defineProperty(cur, part, { value: created, enumerable: true, writable: true, configurable: true });
      cur = created;
    } else cur = next as Record<string, unknown>;
  }
  Object.defineProperty(cur, parts[parts.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}
