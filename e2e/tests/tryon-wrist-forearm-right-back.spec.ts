import { test } from '../support/fixtures.js';
import { watchAcrossTheWrist } from './wrist-support.js';

// A real photo with the wrist and a few centimetres of forearm in view (see forearm-photos.ts).
test.use({ camera: 'forearm-right-back' });
watchAcrossTheWrist('forearm-right-back');
