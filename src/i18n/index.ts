/** The zh/en dictionary for chart and report text. */
export * from './lang.js';
export * from './labels.js';
export * from './text.js';
