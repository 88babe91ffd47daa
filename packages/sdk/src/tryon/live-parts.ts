// Everything the try-on needs after camera consent, loaded as one chunk by the session.
export { startLive } from './live.js';
export { openReview } from './review-flow.js';
export { tryOnStrings } from './strings.js';
export { mountLiveView } from './view.js';
