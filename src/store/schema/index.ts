export * from './outlets.js';
export * from './actors.js';
export * from './crawl-runs.js';
export * from './articles.js';
export * from './analysis.js';
export * from './alerts.js';
export * from './rollups.js';
export * from './sources.js';
