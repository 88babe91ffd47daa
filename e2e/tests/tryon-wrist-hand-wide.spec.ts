import { test } from '../support/fixtures.js';
import { noWristProductOnPadding } from './wrist-support.js';

// handSrc.jpg (its wrist cut by the photo's left edge) at 3/4 size in a black frame: MediaPipe
// puts landmark 0 on the padding, where no forearm is.
test.use({ camera: 'hand-wide' });
noWristProductOnPadding();
