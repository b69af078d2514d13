// Types of drawCounter.mjs, for the tests that import it (tests/performance/drawCounter.test.ts).
export function streamKey(seedText: string): { owner: string; purpose: string };
export function countDraws(): () => number;
export function drawsByOwner(): Record<string, number>;
export function drawsByStream(): Record<string, number>;
export function stopCounting(): void;
