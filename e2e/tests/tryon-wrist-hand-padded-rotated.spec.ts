import { test } from '../support/fixtures.js';
import { noWristProductOnPadding } from './wrist-support.js';

// handSrc.jpg shrunk into a grey frame and rotated 22°, as a phone photo of a hand often looks.
test.use({ camera: 'hand-padded-rotated' });
noWristProductOnPadding();
