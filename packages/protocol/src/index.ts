export * from './consent.js';
export * from './errors.js';
export * from './http.js';
export * from './upload.js';
