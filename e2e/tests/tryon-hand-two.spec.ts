import { test } from '../support/fixtures.js';
import { ringOnTheHandInView } from './two-hands-support.js';

// Two hands in view: a left hand whole, and a right hand raised so its ring joints leave the
// top of the frame (on the camera's right, the preview's left).
test.use({ camera: 'two-hands' });
ringOnTheHandInView(false);
