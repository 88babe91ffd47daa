export * from './consent.js';
export * from './errors.js';
export * from './http.js';
export * from './retailer.js';
export * from './rules.js';
export * from './upload.js';
export * from './webhooks.js';
