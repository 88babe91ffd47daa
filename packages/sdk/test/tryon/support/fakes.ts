import type { KeyInfo } from '@fittingroom/protocol';
import { createConsent } from '../../../src/consent/consent.js';
import type { ConsentAnswer } from '../../../src/consent/prompt.js';
import { memoryConsentStore } from '../../../src/consent/store.js';
import type { Landmarker } from '../../../src/ml/landmarker.js';
import { decodePhoto } from '../../../src/photo/file.js';
import type { Product } from '../../../src/products/types.js';
import { requiredLandmarker } from '../../../src/products/validate.js';
import { runSession } from '../../../src/tryon/controller.js';
import type { Live, LiveOptions } from '../../../src/tryon/live.js';
import { startPhoto } from '../../../src/tryon/photo.js';
import { openReview } from '../../../src/tryon/review-flow.js';
import type { LiveParts, SessionDeps } from '../../../src/tryon/session.js';
import { mountLiveView } from '../../../src/tryon/view.js';
import { createWarmSlot } from '../../../src/tryon/warm.js';
import type { UploadClient } from '../../../src/upload/client.js';
import { UploadError } from '../../../src/upload/errors.js';
import type { Upload, UploadOutcome } from '../../../src/upload/upload.js';
import { POLICY } from '../../consent/fixtures.js';

/** A promise with its resolve handle, for steps a test finishes by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const landmarker = (kind: Landmarker['kind']): Landmarker => ({
  kind,
  mode: 'main',
  delegate: 'CPU',
  delegateReason: 'requested',
  detect: async () => null,
  onContext: () => () => {},
  close: async () => {},
});

/** A live pipeline that records what the session asks of it. */
export function fakeLive() {
  const calls: string[] = [];
  let options: LiveOptions | null = null;
  /** One landmarker per kind, made on first need (as the real pipeline does). */
  const markers = new Map<Landmarker['kind'], Landmarker>();
  const markerFor = (product: Product) => {
    const kind = requiredLandmarker(product.kind);
    const made = markers.get(kind) ?? landmarker(kind);
    markers.set(kind, made);
    return made;
  };
  let product: Product | null = null;
  const live: Live = {
    get landmarker() {
      return markerFor(this.product);
    },
    get product() {
      if (!product) product = options?.product ?? null;
      if (!product) throw new Error('not started');
      return product;
    },
    setProduct: async (next) => {
      calls.push(`setProduct:${next.id}`);
      product = next;
    },
    capture: async () => new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    close: async () => void calls.push('close'),
  };
  return {
    live,
    calls,
    /** The options of the last start (to end the camera as the device would). */
    options: () => {
      if (!options) throw new Error('not started');
      return options;
    },
    remember: (o: LiveOptions) => {
      options = o;
      product = o.product;
    },
    markers,
  };
}

/** An upload client whose one upload ends when the test says so. */
export function fakeUploads(keyInfo: KeyInfo = { mode: 'live' }) {
  const outcome = deferred<UploadOutcome>();
  const started: string[] = [];
  const upload: Upload = {
    id: 'u1',
    idempotencyKey: 'k1',
    start: () => {
      started.push('u1');
      return outcome.promise;
    },
    abort: async () => {},
    on: () => () => {},
  };
  const client: UploadClient = {
    upload: () => upload,
    resumeQueued: async () => ({ sent: [], failed: [], remaining: 0, dropped: 0 }),
    exportMyData: async () => null,
    fetchExportImage: async () => new Blob(),
    eraseMyData: async () => {},
    keyInfo: async () => keyInfo,
    whenIdle: async () => {},
    on: () => () => {},
    close: async () => {},
  };
  const fail = () =>
    outcome.resolve({ status: 'error', error: new UploadError('network', 'offline') });
  return { client, started, fail };
}

/**
 * Deps for `createTryOn`: the real consent (in memory, answering `answers` in turn), the real
 * live view, controller and review, a fake pipeline whose start the test controls, and fake uploads.
 */
export function fakeDeps(
  answers: ConsentAnswer[],
  start = deferred<void>(),
  keyInfo: KeyInfo = { mode: 'live' },
) {
  const pipeline = fakeLive();
  const uploads = fakeUploads(keyInfo);
  const store = memoryConsentStore();
  const startLive = async (options: LiveOptions) => {
    pipeline.remember(options);
    await start.promise;
    return pipeline.live;
  };
  const parts: LiveParts = {
    runSession: (ctx) =>
      runSession(ctx, { startLive, startPhoto, decodePhoto, mountLiveView, openReview }),
    createWarmSlot,
  };
  const deps: SessionDeps = {
    createConsent: (policy, options) =>
      createConsent(policy, {
        ...options,
        store,
        ui: {
          ask: async () => {
            const answer = answers.shift();
            if (!answer) throw new Error('asked more often than the test expected');
            return answer;
          },
        },
      }),
    createUploadClient: () => uploads.client,
    loadLive: async () => parts,
  };
  return { deps, pipeline, uploads, start, policy: POLICY };
}
