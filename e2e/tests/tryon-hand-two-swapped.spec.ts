import { test } from '../support/fixtures.js';
import { ringOnTheHandInView } from './two-hands-support.js';

// The same two hands, sides swapped: the raised one on the camera's left.
test.use({ camera: 'two-hands-swapped' });
ringOnTheHandInView(true);
