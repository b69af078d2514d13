import { existsSync } from 'node:fs';

/** Debian's Chromium; WUHOU_SIM_CHROMIUM points elsewhere. No browser is ever downloaded. */
export function chromiumPath(): string {
  return process.env.WUHOU_SIM_CHROMIUM || '/usr/bin/chromium';
}

/** Flags for a quiet headless Chromium that makes no requests of its own (updates, sync). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The slice of a playwright-core Page that report code uses (kept here so dist/ types need no playwright). */
export interface HeadlessPage {
  goto(url: string): Promise<unknown>;
  /** Runs a script (given as source text: this package compiles without DOM types) in the page. */
  evaluate<T>(script: string): Promise<T>;
  waitForFunction(script: string, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/** The slice of a playwright-core Browser that report code uses. */
export interface HeadlessBrowser {
  newPage(options?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }): Promise<HeadlessPage>;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium through playwright-core, loaded only here and only when asked
 * (PNG export, tests), so the simulator's commands never pay for it.
 */
export async function launchChromium(): Promise<HeadlessBrowser> {
  const path = chromiumPath();
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install the Debian package "chromium" (npm run setup) or set WUHOU_SIM_CHROMIUM`);
  let playwright: { chromium: { launch(o: object): Promise<unknown> } };
  try {
    playwright = (await import('playwright-core')) as unknown as typeof playwright;
  } catch {
    throw new Error('PNG export needs the playwright-core package (a development dependency): run npm install');
  }
  return (await playwright.chromium.launch({ executablePath: path, args: CHROMIUM_ARGS })) as HeadlessBrowser;
}
