import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createTryOn } from '../../src/tryon/session.js';
import type { TryOnOptions } from '../../src/tryon/types.js';
import { POLICY } from '../consent/fixtures.js';
import { RING } from '../products/fixtures.js';

const PRODUCT = { ...RING, image: 'data:image/png;base64,iVBORw0KGgo=' };
const create = (mode: unknown) => () =>
  createTryOn({ product: PRODUCT, policy: POLICY, assetsUrl: '/assets/', mode } as TryOnOptions);

describe('the mode option', () => {
  it('takes camera, photo or nothing', () => {
    for (const mode of ['camera', 'photo', undefined]) expect(create(mode)).not.toThrow();
  });
  it('names the field when it is anything else', () => {
    expect(create('selfie')).toThrow(ConfigError);
    expect(create('selfie')).toThrow('mode must be camera or photo');
  });
});
