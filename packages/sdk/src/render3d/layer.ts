import type { Group, PerspectiveCamera, Scene, WebGLRenderer } from 'three';
import type { ViewCamera } from '../pose/types.js';
import { boxCorners, bufferSize, clearBounds, growByBox, type Region, toRegion } from './region.js';

/** What the layer draws with (the renderer and its canvas change after a context loss). */
export interface LayerTarget {
  readonly renderer: WebGLRenderer;
  readonly canvas: HTMLCanvasElement;
}

/**
 * The 3D layer: renders only the region of the view the posed products cover (their model's
 * bounding box projected, see region.ts) into the top-left corner of a drawing buffer just as
 * large, then copies that corner, mirrored as the preview is, into the overlay canvas.
 */
export interface RegionLayer {
  /**
   * Renders and composites one frame. `whole` renders the entire view (the debug view, whose
   * occluder wireframes lie outside the product). The overlay must already be cleared.
   */
  draw(
    target: LayerTarget,
    scene: Scene,
    camera: PerspectiveCamera,
    view: ViewCamera,
    groups: readonly Group[],
    ctx: CanvasRenderingContext2D,
    whole: boolean,
  ): void;
  /** Forgets the drawing buffer's size (a new renderer on a new canvas). */
  reset(): void;
}

/**
 * Creates the layer for a model whose (unposed) bounding box is `min`–`max`, in metres, drawn
 * at `ratio` buffer pixels per CSS pixel. The renderer's own pixel ratio must be 1: the layer
 * sizes the buffer and the viewport in buffer pixels itself.
 */
export function createRegionLayer(
  min: readonly [number, number, number],
  max: readonly [number, number, number],
  ratio: number,
): RegionLayer {
  const corners = boxCorners(min, max);
  // Reused every frame: no allocation on the frame path.
  const bounds = new Float64Array(4);
  const region: Region = { x: 0, y: 0, width: 0, height: 0 };
  const pixels = { width: 0, height: 0 };
  const viewPixels = { width: 0, height: 0 };
  let buffer = { width: 0, height: 0 };

  const regionOf = (view: ViewCamera, groups: readonly Group[], whole: boolean): boolean => {
    if (whole) return toRegion(region, 'whole', view);
    clearBounds(bounds);
    for (const group of groups) {
      if (!group.visible) continue;
      if (!growByBox(bounds, corners, group.matrix.elements, view)) {
        return toRegion(region, 'whole', view);
      }
    }
    return toRegion(region, bounds, view);
  };

  return {
    draw(target, scene, camera, view, groups, ctx, whole) {
      if (!regionOf(view, groups, whole)) return;
      const { renderer, canvas } = target;
      pixels.width = Math.ceil(region.width * ratio);
      pixels.height = Math.ceil(region.height * ratio);
      viewPixels.width = Math.ceil(view.width * ratio);
      viewPixels.height = Math.ceil(view.height * ratio);
      const next = bufferSize(buffer, pixels, viewPixels);
      if (next.width !== buffer.width || next.height !== buffer.height) {
        buffer = next;
        renderer.setSize(buffer.width, buffer.height, false);
      }
      // The camera sees only the region; GL's viewport counts y from the bottom, so the
      // region's image lands in the canvas's top-left corner. The scissor keeps the clear there.
      camera.setViewOffset(
        view.width,
        view.height,
        region.x,
        region.y,
        region.width,
        region.height,
      );
      const bottom = buffer.height - pixels.height;
      renderer.setViewport(0, bottom, pixels.width, pixels.height);
      renderer.setScissor(0, bottom, pixels.width, pixels.height);
      renderer.setScissorTest(true);
      renderer.render(scene, camera);
      const sx = ctx.canvas.width / view.width;
      const sy = ctx.canvas.height / view.height;
      // The scene is the camera's own (unmirrored) view; the preview is mirrored.
      ctx.setTransform(-1, 0, 0, 1, ctx.canvas.width, 0);
      ctx.drawImage(
        canvas,
        0,
        0,
        pixels.width,
        pixels.height,
        region.x * sx,
        region.y * sy,
        region.width * sx,
        region.height * sy,
      );
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    },
    reset() {
      buffer = { width: 0, height: 0 };
    },
  };
}
