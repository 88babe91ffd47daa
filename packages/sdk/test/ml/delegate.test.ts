import { describe, expect, it, vi } from 'vitest';
import {
  chooseDelegate,
  type GpuProbe,
  isSoftwareRenderer,
  settledChoice,
} from '../../src/ml/delegate.js';
import { probeGpu } from '../../src/ml/gpu-probe.js';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const hardware: GpuProbe = {
  webgl2: true,
  caveat: false,
  renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
};

describe('chooseDelegate', () => {
  it('keeps GPU for hands on a hardware renderer', () => {
    expect(chooseDelegate('hand', undefined, () => hardware)).toEqual({
      delegate: 'GPU',
      reason: 'hardware-gpu',
    });
  });

  it('never picks GPU on a software renderer, even when the caveat flag does not tell', () => {
    const probe = { webgl2: true, caveat: false, renderer: SWIFTSHADER };
    expect(chooseDelegate('hand', undefined, () => probe)).toEqual({
      delegate: 'CPU',
      reason: 'software-renderer',
    });
  });

  it('picks CPU on a performance caveat or without WebGL2', () => {
    expect(chooseDelegate('hand', undefined, () => ({ ...hardware, caveat: true })).reason).toBe(
      'performance-caveat',
    );
    const none = { webgl2: false, caveat: false, renderer: null };
    expect(chooseDelegate('hand', undefined, () => none)).toEqual({
      delegate: 'CPU',
      reason: 'no-webgl2',
    });
  });

  it('keeps GPU when the renderer is masked and nothing else says software', () => {
    const masked = { webgl2: true, caveat: false, renderer: null };
    expect(chooseDelegate('hand', undefined, () => masked).delegate).toBe('GPU');
  });

  it('honours a requested delegate and does not probe for it', () => {
    const probe = vi.fn(() => hardware);
    expect(chooseDelegate('hand', 'CPU', probe)).toEqual({ delegate: 'CPU', reason: 'requested' });
    expect(chooseDelegate('face', 'GPU', probe)).toEqual({ delegate: 'GPU', reason: 'requested' });
    expect(probe).not.toHaveBeenCalled();
  });

  it('runs faces on the CPU: the offline face bundle needs an op the GPU delegate lacks', () => {
    const probe = vi.fn(() => hardware);
    expect(chooseDelegate('face', undefined, probe)).toEqual({
      delegate: 'CPU',
      reason: 'face-model',
    });
    expect(probe).not.toHaveBeenCalled();
  });
});

describe('isSoftwareRenderer', () => {
  it.each([
    [SWIFTSHADER, true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['Apple M2', false],
    ['Adreno (TM) 640', false],
    [null, false],
  ])('%s → %s', (renderer, expected) => {
    expect(isSoftwareRenderer(renderer)).toBe(expected);
  });
});

describe('settledChoice', () => {
  it('reports a GPU start that fell back to the CPU', () => {
    const chosen = { delegate: 'GPU', reason: 'hardware-gpu' } as const;
    expect(settledChoice(chosen, 'GPU')).toBe(chosen);
    expect(settledChoice(chosen, 'CPU')).toEqual({ delegate: 'CPU', reason: 'gpu-failed' });
  });
});

describe('probeGpu', () => {
  function fakeContext(renderer: string | null) {
    const lose = vi.fn();
    const gl = {
      getExtension: (name: string) => {
        if (name === 'WEBGL_lose_context') return { loseContext: lose };
        if (name === 'WEBGL_debug_renderer_info' && renderer !== null)
          return { UNMASKED_RENDERER_WEBGL: 0x9246 };
        return null;
      },
      getParameter: () => renderer,
    } as unknown as WebGL2RenderingContext;
    return { gl, lose };
  }

  it('reads the renderer, detects the caveat and releases every context', () => {
    const plain = fakeContext(SWIFTSHADER);
    const factory = vi.fn((a: WebGLContextAttributes) =>
      a.failIfMajorPerformanceCaveat ? null : plain.gl,
    );
    expect(probeGpu(factory)).toEqual({ webgl2: true, caveat: true, renderer: SWIFTSHADER });
    expect(plain.lose).toHaveBeenCalledTimes(1);
  });

  it('reports no WebGL2 when no context can be made or creation throws', () => {
    expect(probeGpu(() => null)).toEqual({ webgl2: false, caveat: false, renderer: null });
    const throwing = () => {
      throw new Error('blocked');
    };
    expect(probeGpu(throwing).webgl2).toBe(false);
    expect(probeGpu(null).webgl2).toBe(false);
  });

  it('leaves the renderer null when the browser masks it', () => {
    const masked = fakeContext(null);
    const strict = fakeContext(null);
    const factory = (a: WebGLContextAttributes) =>
      a.failIfMajorPerformanceCaveat ? strict.gl : masked.gl;
    expect(probeGpu(factory)).toEqual({ webgl2: true, caveat: false, renderer: null });
    expect(masked.lose).toHaveBeenCalled();
    expect(strict.lose).toHaveBeenCalled();
  });
});
