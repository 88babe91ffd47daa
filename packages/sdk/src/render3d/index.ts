// The 3D renderer, loaded by dynamic import only after camera consent and only for a product
// with a `model`: three.js (WebGLRenderer, GLTFLoader, PBR, PMREM + RoomEnvironment) lives in
// this chunk and nowhere else.
import {
  ACESFilmicToneMapping,
  Group,
  PerspectiveCamera,
  PMREMGenerator,
  Scene,
  type Texture,
  WebGLRenderer,
} from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { LandmarkFrame, Placement, ViewGeometry } from '../anchoring/types.js';
import { createGlRecovery, type GlChange } from '../gl/recovery.js';
import {
  type FaceTopology,
  type Pose3,
  type PoseTrack,
  posesForFrame,
  smoothPose,
  type ViewCamera,
  viewFov,
} from '../pose/index.js';
import { DEFAULT_FINGER, type Product } from '../products/types.js';
import { WebGLUnavailableError } from './errors.js';
import { createRegionLayer } from './layer.js';
import { type LoadedModel, loadModel } from './model.js';
import { createOccluderLayer } from './occluders.js';
import { triangulateFace } from './topology.js';

export { checkModel, MODEL_SIZE_M, type ModelSummary } from './check.js';
export { ModelError, WebGLUnavailableError } from './errors.js';

/** Options of {@link createRenderer3d}. */
export interface Renderer3dOptions {
  /** A product with a `model`. */
  readonly product: Product & { readonly model: string };
  /** The 2D overlay canvas the 3D render is composited into, mirrored as the video is shown. */
  readonly overlayCanvas: HTMLCanvasElement;
  /** Draws the occluders as wireframes (docs/3d-models.md, "debug view"). */
  readonly debug?: boolean;
  /**
   * Drawing-buffer pixels per CSS pixel of the 3D layer (default `devicePixelRatio`, at most
   * {@link MAX_PIXEL_RATIO}).
   */
  readonly pixelRatio?: number;
  /** Fetches the model (default `fetch`). */
  readonly fetch?: typeof fetch;
}

/** One try-on's 3D renderer. */
export interface Renderer3d {
  /**
   * Poses, renders and composites one frame; hidden placements draw nothing. The view's size
   * (a resized stage included) comes with each frame: the layer sizes its buffer from it.
   */
  draw(frame: LandmarkFrame, placements: readonly Placement[], view: ViewGeometry): void;
  /** Milliseconds the last `draw` took (pose, render and composite). */
  readonly lastDrawMs: number;
  /**
   * Subscribes to changes of its WebGL context: when the device takes it away, the renderer is
   * made again on a fresh canvas (`draw` draws nothing meanwhile); `failed` means it could not
   * be, and the caller draws the image instead. Returns an unsubscribe function.
   */
  onContext(listener: (change: GlChange) => void): () => void;
  /** Frees the GPU resources and the WebGL context; later calls do nothing. */
  close(): void;
}

/**
 * The 3D layer's highest pixel ratio: phones report 3, where software WebGL would shade 9
 * buffer pixels per CSS pixel for a difference the eye does not see on a moving product.
 */
export const MAX_PIXEL_RATIO = 2;

/** How long a slot keeps its last pose when its landmarks drop out but its placement shows. */
const HOLD_MS = 150;

/** One model copy per placement slot (earrings: two). */
function slots(model: LoadedModel, count: number): Group[] {
  return Array.from({ length: count }, (_, i) => {
    const g = new Group();
    g.add(i === 0 ? model.scene : model.scene.clone());
    g.matrixAutoUpdate = false;
    g.visible = false;
    return g;
  });
}

function setPose(group: Group, pose: Pose3): void {
  const k = pose.pxPerMetre;
  const [x, y, z] = [pose.x, pose.y, pose.z];
  const p = pose.position;
  group.matrix.set(
    x[0] * k,
    y[0] * k,
    z[0] * k,
    p[0],
    x[1] * k,
    y[1] * k,
    z[1] * k,
    p[1],
    x[2] * k,
    y[2] * k,
    z[2] * k,
    p[2],
    0,
    0,
    0,
    1,
  );
  group.matrixWorldNeedsUpdate = true;
  group.visible = true;
}

function placeCamera(camera: PerspectiveCamera, view: ViewCamera): void {
  camera.fov = (viewFov(view) * 180) / Math.PI;
  camera.aspect = view.width / view.height;
  camera.near = view.focalPx / 10;
  camera.far = view.focalPx * 4;
  camera.position.set(view.cx, -view.cy, view.focalPx);
  camera.lookAt(view.cx, -view.cy, 0);
  camera.updateProjectionMatrix();
}

/**
 * Creates the renderer of one try-on: a WebGL2 context on a detached canvas, the model
 * (fetched, parsed and checked), a room environment generated on the device (no HDR file) and
 * the SDK's occluders. Throws {@link WebGLUnavailableError} without WebGL2 and `ModelError`
 * naming the file when the model fails; either way nothing is left open.
 */
export async function createRenderer3d(options: Renderer3dOptions): Promise<Renderer3d> {
  const { product, overlayCanvas } = options;
  const ratio = options.pixelRatio ?? Math.min(globalThis.devicePixelRatio || 1, MAX_PIXEL_RATIO);
  const makeRenderer = () => {
    const canvas = overlayCanvas.ownerDocument.createElement('canvas');
    const made = new WebGLRenderer({
      canvas,
      alpha: true,
      antialias: true,
      premultipliedAlpha: true,
    });
    made.setClearColor(0x000000, 0);
    made.toneMapping = ACESFilmicToneMapping;
    return { canvas, renderer: made };
  };
  let canvas: HTMLCanvasElement;
  let renderer: WebGLRenderer;
  try {
    ({ canvas, renderer } = makeRenderer());
  } catch (cause) {
    throw new WebGLUnavailableError({ cause });
  }
  let model: LoadedModel;
  try {
    model = await loadModel(product.model, product.kind, options.fetch);
  } catch (error) {
    renderer.dispose();
    renderer.forceContextLoss();
    throw error;
  }
  const ctx = overlayCanvas.getContext('2d');
  const scene = new Scene();
  let environment: Texture | null = null;
  const makeEnvironment = () => {
    const pmrem = new PMREMGenerator(renderer);
    const room = new RoomEnvironment();
    environment?.dispose();
    environment = pmrem.fromScene(room, 0.04).texture;
    scene.environment = environment;
    room.dispose();
    pmrem.dispose();
  };
  makeEnvironment();
  // The drawing buffer is sized by the layer to the product's region (region.ts).
  const layer = createRegionLayer(model.box.min, model.box.max, ratio);
  // A lost context (GPU reset, too many contexts) is not waited for: a new renderer on a new
  // canvas uploads the scene again on its first render; the environment map is made again.
  const listeners = new Set<(change: GlChange) => void>();
  const recovery = createGlRecovery({
    async recreate() {
      const next = makeRenderer();
      drop();
      ({ canvas, renderer } = next);
      canvas.addEventListener('webglcontextlost', onLost);
      layer.reset();
      makeEnvironment();
    },
    onChange: (change) => {
      for (const listener of [...listeners]) listener(change);
    },
  });
  const onLost = () => recovery.lost();
  /** Lets go of the current renderer and its canvas. */
  const drop = () => {
    canvas.removeEventListener('webglcontextlost', onLost);
    renderer.dispose();
    canvas.width = 0;
    canvas.height = 0;
  };
  canvas.addEventListener('webglcontextlost', onLost);
  const camera = new PerspectiveCamera();
  const debug = options.debug === true;
  const occluders = createOccluderLayer(debug);
  scene.add(occluders.group);
  const count = product.kind === 'earrings' ? 2 : 1;
  const groups = slots(model, count);
  scene.add(...groups);
  const tracks: (PoseTrack | null)[] = groups.map(() => null);
  const lastSeen: number[] = groups.map(() => Number.NEGATIVE_INFINITY);
  let topology: FaceTopology | null = null;
  let closed = false;
  let lastDrawMs = 0;

  return {
    get lastDrawMs() {
      return lastDrawMs;
    },
    onContext(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    draw(frame, placements, view) {
      if (closed || !ctx || recovery.state !== 'ok') return;
      const started = performance.now();
      const result = posesForFrame(frame, {
        kind: product.kind,
        finger: product.finger ?? DEFAULT_FINGER,
        view,
        placements,
        bandRadiusM: model.halfWidthM * 0.7,
        triangulate: (points) => {
          topology ??= triangulateFace(points);
          return topology;
        },
      });
      let any = false;
      result.poses.forEach((pose, i) => {
        const group = groups[i]!;
        const t = frame.timestampMs;
        if (pose) {
          tracks[i] = smoothPose(tracks[i] ?? null, pose, t);
          lastSeen[i] = t;
        } else if (!(placements[i]?.visible && t - lastSeen[i]! <= HOLD_MS)) {
          tracks[i] = null;
        }
        const track = tracks[i];
        if (track) setPose(group, track.output);
        else group.visible = false;
        any ||= group.visible;
      });
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, overlayCanvas.width, overlayCanvas.height);
      if (any) {
        occluders.update(result.occluders);
        placeCamera(camera, result.camera);
        layer.draw({ renderer, canvas }, scene, camera, result.camera, groups, ctx, debug);
      }
      lastDrawMs = performance.now() - started;
    },
    close() {
      if (closed) return;
      closed = true;
      recovery.dispose();
      listeners.clear();
      canvas.removeEventListener('webglcontextlost', onLost);
      occluders.dispose();
      scene.traverse((o) => {
        const mesh = o as { geometry?: { dispose(): void }; material?: unknown };
        mesh.geometry?.dispose();
        const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
        for (const m of materials) (m as { dispose?: () => void } | undefined)?.dispose?.();
      });
      environment?.dispose();
      renderer.dispose();
      // dispose() leaves the context alive until garbage collection; lose it now, so 20 try-ons
      // in a row never hit the browser's context limit.
      renderer.forceContextLoss();
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}
