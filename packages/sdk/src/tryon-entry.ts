// The lean entry the script-tag loader imports on the shopper's first click: consent and the
// try-on session only. The live view, ML, anchoring, overlay, capture and upload client are
// loaded by the session after consent (see tryon/session.ts).
export { ConfigError, FittingRoomError, type FittingRoomErrorCode } from './errors.js';
export { createTryOn, type TryOnDeps } from './tryon/session.js';
export type * from './tryon/types.js';
