import type { SubjectExport, UploadResult } from '@fittingroom/protocol';
import type { ConsentPolicy } from '../consent/policy.js';
import type { FittingRoomError } from '../errors.js';
import type { UiStringOverrides } from '../i18n/types.js';
import type { DelegateReason } from '../ml/delegate.js';
import type { Delegate } from '../ml/types.js';
import type { Product } from '../products/types.js';

/** Where captured images go, when the shopper shares them with upload consent. */
export interface IngestOptions {
  /** Origin (and optional base path) of the ingest server, e.g. `https://tryon.shop.example`. */
  readonly endpoint: string;
  /** The retailer's publishable key (safe to ship in a page). */
  readonly publishableKey: string;
}

/** Options of {@link createTryOn}: the one call a retailer's page makes. */
export interface TryOnOptions {
  /** The product to try on (first); `setProduct` switches to another without a restart. */
  readonly product: Product;
  /**
   * Products the shopper may switch between in the live view (colours, sizes, other pieces),
   * shown as a strip of choices named by each product's `name` (else its id). Hand and face
   * products may be mixed. Without it (or with one product) no strip is shown.
   */
  readonly products?: readonly Product[] | undefined;
  /** The retailer's consent policy (controller, policy URL and version, retention, purposes). */
  readonly policy: ConsentPolicy;
  /** URL of the self-hosted assets folder (`@fittingroom/models` dist + the SDK's `ml-worker.js`). */
  readonly assetsUrl: string | URL;
  /**
   * URL of the SDK's inference worker (`@fittingroom/sdk/dist/ml-worker.js`, same origin as the
   * page); default `ml-worker.js` in the assets folder, where `@fittingroom/vite-plugin` and
   * `fittingroom-assets` put it.
   */
  readonly workerUrl?: string | URL | undefined;
  /** Without it, sharing is not offered. */
  readonly ingest?: IngestOptions | undefined;
  /** Where the try-on UI mounts; default: a modal layer appended to `document.body`. */
  readonly container?: HTMLElement;
  /** BCP 47 locale of the UI (en, fr, de, es, hi); default: the page's `lang`. */
  readonly locale?: string | undefined;
  /** Per-locale, per-key overrides of any UI string. */
  readonly strings?: UiStringOverrides | undefined;
  /**
   * `camera` (default): the live camera, with "Use a photo instead" offered. `photo`: no camera
   * is opened; the shopper picks or drops a photo, processed on the device like camera frames.
   */
  readonly mode?: 'camera' | 'photo' | undefined;
  /** Draw raw landmarks over the video (for retailers calibrating products). Default false. */
  readonly debug?: boolean;
  /** Where inference runs; default `auto` (a worker where supported). */
  readonly inference?: 'auto' | 'worker' | 'main';
  /**
   * Forces a MediaPipe delegate. By default the SDK picks per device: `GPU` for hands on a
   * hardware WebGL2 renderer, `CPU` on a software renderer (SwiftShader, llvmpipe, a blocklisted
   * GPU), where GPU is many times slower, and `CPU` for faces (the offline face bundle needs an
   * op the GPU delegate lacks). The choice and its reason come with the `landmarker` event.
   */
  readonly delegate?: 'GPU' | 'CPU' | undefined;
  /**
   * How long after `close()` the loaded landmarker (worker, compiled wasm, model) is kept, so
   * that `open()` within it starts without downloading or compiling again; default 60000 (60 s),
   * 0 releases everything at close. The camera always stops at close. Withdrawal, `pagehide`
   * and the end of this period release everything.
   */
  readonly reopenGraceMs?: number | undefined;
}

/** What the try-on is doing. */
export type TryOnState =
  | 'idle'
  | 'asking-consent'
  | 'starting'
  | 'live'
  | 'reviewing'
  | 'uploading'
  | 'closed';

/** Events a try-on emits, with their payloads. */
export interface TryOnEvents {
  state: TryOnState;
  /** True while the product is drawn (most of its footprint in view), false when it is not. */
  tracking: boolean;
  capture: Blob;
  'upload-progress': { readonly loaded: number; readonly total: number };
  uploaded: UploadResult;
  withdrawn: undefined;
  error: FittingRoomError;
  /** The landmarker started: where it runs, on which delegate, and why that one. */
  landmarker: LandmarkerInfo;
  /** The live view draws another product (after `setProduct` or a pick in the strip). */
  product: Product;
}

/** Payload of the `landmarker` event (also on the view as `data-mode`, `data-delegate`, …). */
export interface LandmarkerInfo {
  readonly mode: 'worker' | 'main';
  readonly delegate: Delegate;
  readonly reason: DelegateReason;
}

/** A try-on for one product on one page. */
export interface TryOn {
  /** Asks for consent if needed, then opens the camera and starts the live try-on. */
  open(): Promise<void>;
  /**
   * Switches to another product, validated like `product` (a mistake throws a `ConfigError`
   * naming the field). Live, it is drawn from the next frame on: the camera, the worker and the
   * consent stay, and a landmarker of the other kind (hand ↔ face) loads on first need. During
   * a review it applies on return to the live view; before `open()`, at the start. Resolves
   * once the new product is drawn (or stored).
   */
  setProduct(product: Product): Promise<void>;
  /** Stops camera and ML and removes the UI; `open()` works again afterwards. */
  close(): Promise<void>;
  /** Withdraws every consent: camera off, ML closed, queue purged, server asked to erase. */
  withdraw(): Promise<void>;
  /** The shopper's copy of their data on the ingest server (null when nothing was shared). */
  exportMyData(): Promise<SubjectExport | null>;
  /** Erases everything the ingest server holds about the shopper. */
  eraseMyData(): Promise<void>;
  /** Subscribes to an event; returns an unsubscribe function. */
  on<K extends keyof TryOnEvents>(
    event: K,
    listener: (payload: TryOnEvents[K]) => void,
  ): () => void;
}
