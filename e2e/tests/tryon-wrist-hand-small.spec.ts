import { test } from '../support/fixtures.js';
import { noWristProductOnPadding } from './wrist-support.js';

// handSrc.jpg at half size in a grey frame: a small hand, its wrist on the padding.
test.use({ camera: 'hand-small' });
noWristProductOnPadding();
