// The public `calibration` namespace (`export * as calibration` in index.ts). A module of its
// own so the namespace object, whose getters name every constant, is built in the full bundle
// (`index.js`) only: the try-on's live chunk, which holds `calibration.ts`, needs just values.
export * from './calibration.js';
