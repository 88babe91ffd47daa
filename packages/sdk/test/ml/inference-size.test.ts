import { describe, expect, it } from 'vitest';
import { inferenceSize, MAX_INFERENCE_SIDE } from '../../src/ml/inference-size.js';

describe('inferenceSize', () => {
  it('shrinks a large frame to the longest side, keeping its aspect', () => {
    expect(inferenceSize(640, 480)).toEqual({ width: 480, height: 360 });
    expect(inferenceSize(1280, 720)).toEqual({ width: 480, height: 270 });
    expect(inferenceSize(720, 1280)).toEqual({ width: 270, height: 480 });
  });

  it('never enlarges a small frame', () => {
    expect(inferenceSize(320, 240)).toEqual({ width: 320, height: 240 });
    expect(inferenceSize(MAX_INFERENCE_SIDE, 100)).toEqual({
      width: MAX_INFERENCE_SIDE,
      height: 100,
    });
  });

  it('takes another limit and never yields an empty image', () => {
    expect(inferenceSize(1000, 500, 100)).toEqual({ width: 100, height: 50 });
    expect(inferenceSize(4000, 1, 100)).toEqual({ width: 100, height: 1 });
    expect(inferenceSize(0, 0)).toEqual({ width: 1, height: 1 });
  });
});
