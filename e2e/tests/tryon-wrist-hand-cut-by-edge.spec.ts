import { test } from '../support/fixtures.js';
import { noWristProductOnPadding } from './wrist-support.js';

// handSrc.jpg as is: landmark 0 at x ≈ 0, so a watch's footprint would lie mostly outside the
// view. Less than half of it in view: the tracking status must be false.
test.use({ camera: 'hand' });
noWristProductOnPadding();
