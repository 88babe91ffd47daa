// Everything the try-on needs after camera consent, loaded as one chunk by the session. Its
// texts load alongside (see strings.ts); the build puts the English ones in this chunk.
export { runSession } from './controller.js';
export { createWarmSlot } from './warm.js';
