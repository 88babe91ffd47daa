import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/render3d/check.js';

const ring = { primitives: 2, withoutMaterial: 0, size: [0.023, 0.004, 0.03] as const };

describe('checkModel', () => {
  it('accepts a ring at real size in metres', () => {
    expect(checkModel(ring, 'ring')).toBeNull();
  });

  it('names an empty scene', () => {
    expect(checkModel({ ...ring, primitives: 0 }, 'ring')).toMatch(/^has no mesh/);
  });

  it('names parts without a material', () => {
    expect(checkModel({ ...ring, withoutMaterial: 1 }, 'ring')).toMatch(
      /^has 1 of 2 mesh parts without a material/,
    );
  });

  it('names an absurd size and recognises millimetres and centimetres', () => {
    expect(checkModel({ ...ring, size: [23, 4, 30] }, 'ring')).toMatch(
      /is 30\.0 m across.*ring model is 0\.008–0\.05 m \(it looks like millimetres\)/,
    );
    expect(checkModel({ ...ring, size: [2.3, 0.4, 3] }, 'ring')).toMatch(/centimetres/);
    expect(checkModel({ ...ring, size: [0.0001, 0.0001, 0.0001] }, 'glasses')).toMatch(
      /is 0\.00010 m across/,
    );
  });
});
