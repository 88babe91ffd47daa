import { describe, expect, expectTypeOf, it } from 'vitest';
import { HIDDEN } from '../../src/anchoring/placement.js';
import type { Placement } from '../../src/anchoring/types.js';
import { ConfigError } from '../../src/errors.js';
import {
  createOverlay,
  type OverlayCanvas,
  type OverlayContext,
  type OverlayOptions,
} from '../../src/overlay/overlay.js';
import { HAND_UP, handFrame } from '../anchoring/landmarks.js';

type Call = [string, ...unknown[]];

/** A 2D context that records what is drawn. */
function recorder(): { ctx: OverlayContext; calls: Call[] } {
  const calls: Call[] = [];
  const ctx: OverlayContext = {
    fillStyle: '',
    setTransform: (...args: unknown[]) => void calls.push(['setTransform', ...args]),
    clearRect: (...args: number[]) => void calls.push(['clearRect', ...args]),
    drawImage: (...args: unknown[]) => void calls.push(['drawImage', ...args.slice(1)]),
    beginPath: () => void calls.push(['beginPath']),
    rect: (...args: number[]) => void calls.push(['rect', ...args]),
    fill: () => void calls.push(['fill']),
  } as OverlayContext;
  return { ctx, calls };
}

function setup(overrides: Partial<OverlayOptions> = {}) {
  const { ctx, calls } = recorder();
  const canvas: OverlayCanvas = { width: 0, height: 0, getContext: () => ctx };
  const image = document.createElement('canvas');
  const overlay = createOverlay({
    canvas,
    image,
    imageSize: { width: 200, height: 100 },
    anchor: { x: 0.5, y: 0.25 },
    width: 1000,
    height: 1000,
    mirrored: false,
    pixelRatio: 2,
    ...overrides,
  });
  return { overlay, canvas, calls };
}

const at = (p: Partial<Placement>): Placement => ({
  x: 100,
  y: 50,
  rotation: 0,
  scale: 0.5,
  visible: true,
  ...p,
});
const named = (calls: Call[], name: string) => calls.filter((c) => c[0] === name);

describe('createOverlay', () => {
  it('sizes the backing store by the pixel ratio', () => {
    const { canvas, overlay } = setup();
    expect([canvas.width, canvas.height]).toEqual([2000, 2000]);
    overlay.resize(300, 200);
    expect([canvas.width, canvas.height]).toEqual([600, 400]);
  });

  it('draws each visible placement with its anchor on (x, y), rotated and scaled', () => {
    const { overlay, calls } = setup();
    overlay.draw([at({ rotation: Math.PI / 2 }), HIDDEN]);
    const transforms = named(calls, 'setTransform');
    // cos 90° · 0.5 · 2 = 0, sin 90° · 0.5 · 2 = 1: a clockwise quarter turn at (200, 100) backing px.
    const [, a, b, c, d, e, f] = transforms.at(-1)!;
    expect([a, b, c, d, e, f].map((n) => Math.round(Number(n) * 1e9) / 1e9)).toEqual([
      0, 1, -1, 0, 200, 100,
    ]);
    // Anchor (0.5, 0.25) of a 200×100 image sits at the origin.
    expect(named(calls, 'drawImage')).toEqual([['drawImage', -100, -25, 200, 100]]);
  });

  it('clears before every frame and draws nothing for hidden placements', () => {
    const { overlay, calls } = setup();
    overlay.draw([HIDDEN]);
    expect(named(calls, 'clearRect')).toEqual([['clearRect', 0, 0, 2000, 2000]]);
    expect(named(calls, 'drawImage')).toEqual([]);
  });

  it('never draws landmarks unless debug is on', () => {
    const { overlay, calls } = setup();
    overlay.draw([at({})], handFrame(HAND_UP));
    expect(named(calls, 'rect')).toEqual([]);
  });

  it('draws one dot per landmark in debug mode, mirrored like the preview', () => {
    const { overlay, calls } = setup({ debug: true, mirrored: true });
    overlay.draw([], handFrame(HAND_UP));
    const dots = named(calls, 'rect');
    expect(dots).toHaveLength(21);
    // Ring MCP (13) at source (500, 600) → mirrored view (500, 600); wrist (460,780) → (540,780).
    expect(dots[0]).toEqual(['rect', 538, 778, 4, 4]);
  });

  it('does nothing after close', () => {
    const { overlay, calls } = setup();
    overlay.close();
    const before = calls.length;
    overlay.draw([at({})]);
    overlay.clear();
    expect(calls.length).toBe(before);
  });

  it('names the field when the canvas or sizes are unusable', () => {
    expect(() => setup({ canvas: { width: 0, height: 0, getContext: () => null } })).toThrowError(
      expect.objectContaining({ field: 'overlay.canvas' }),
    );
    expect(() => setup({ imageSize: { width: 0, height: 10 } })).toThrow(ConfigError);
    expect(() => setup({ width: 0 })).toThrowError(
      expect.objectContaining({ field: 'overlay.width' }),
    );
  });

  it('accepts a real canvas element (type level: HTMLCanvasElement is an OverlayCanvas)', () => {
    expectTypeOf<HTMLCanvasElement>().toExtend<OverlayCanvas>();
  });
});
