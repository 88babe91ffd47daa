import type { Consent } from '../consent/api.js';
import { createConsent } from '../consent/consent.js';
import { ConfigError, FittingRoomError } from '../errors.js';
import {
  loadTryOnStrings,
  pickConsentOverrides,
  type TryOnStrings,
  UI_KEYS,
  validateOverrides,
} from '../i18n/index.js';
import { parseProduct } from '../products/validate.js';
import type { createUploadClient, UploadClient } from '../upload/client.js';
import { createEmitter } from './emitter.js';
import type { Live } from './live.js';
import type { TryOn, TryOnEvents, TryOnOptions, TryOnState } from './types.js';
import type { LiveView } from './view.js';

// Only consent is needed before the shopper agrees: the live view, camera, anchoring, overlay,
// capture and upload client load after that, so a page pays for them only on use.
const loadLive = () => import('./live-parts.js');
const loadUploads = () => import('../upload/client.js');

/** Injectable collaborators (tests pass fakes; pages use the defaults). */
export interface TryOnDeps {
  readonly createConsent?: typeof createConsent;
  readonly createUploadClient?: typeof createUploadClient;
}

function toError(error: unknown, fallback: string): FittingRoomError {
  if (error instanceof FittingRoomError) return error;
  return new FittingRoomError('ml_load_failed', fallback, { cause: error });
}

/**
 * Creates a try-on for one product. Validates everything now (a mistake throws a
 * {@link ConfigError} naming the field) and touches no camera, storage or network until the
 * shopper opens it and consents.
 */
export function createTryOn(options: TryOnOptions, deps: TryOnDeps = {}): TryOn {
  // SSR-safe means "import anywhere, create in the browser": say so rather than fail on a URL.
  if (typeof document === 'undefined') {
    throw new ConfigError(
      'createTryOn',
      'runs in the browser only (no document here): import the SDK anywhere, but call createTryOn in client code, e.g. in a useEffect or a "use client" component',
    );
  }
  const product = parseProduct(options.product);
  if (!options.assetsUrl) throw new ConfigError('assetsUrl', 'is required');
  const overrides = validateOverrides(options.strings, 'strings', UI_KEYS);
  const consent: Consent = (deps.createConsent ?? createConsent)(options.policy, {
    locale: options.locale,
    strings: pickConsentOverrides(overrides),
  });
  let strings: TryOnStrings | null = null;
  const events = createEmitter<TryOnEvents>();
  let state: TryOnState = 'idle';
  let view: LiveView | null = null;
  let live: Live | null = null;
  let uploads: UploadClient | null = null;
  let closeReview: (() => void) | null = null;

  const setState = (next: TryOnState) => {
    state = next;
    if (view) view.host.dataset.state = next;
    events.emit('state', next);
  };
  const fail = (error: unknown) => {
    const typed = toError(error, 'Try-on could not start on this device.');
    const key = typed.code as keyof TryOnStrings;
    if (strings) view?.setStatus(key in strings ? strings[key] : strings.mlFailed);
    events.emit('error', typed);
  };
  const uploadClient = async (): Promise<UploadClient | null> => {
    if (!options.ingest) return null;
    await consent.ready();
    const create = deps.createUploadClient ?? (await loadUploads()).createUploadClient;
    uploads ??= create({
      endpoint: options.ingest.endpoint,
      publishableKey: options.ingest.publishableKey,
      consent,
    });
    return uploads;
  };

  async function stopLive(): Promise<void> {
    closeReview?.();
    closeReview = null;
    const running = live;
    live = null;
    await running?.close();
  }

  async function capture(): Promise<void> {
    if (!live || !view || !strings || state !== 'live') return;
    const { openReview } = await loadLive();
    const blob = await live.capture();
    live.pause();
    events.emit('capture', blob);
    setState('reviewing');
    closeReview = openReview({
      view,
      blob,
      strings,
      product,
      consent,
      canShare: Boolean(options.ingest),
      uploads: uploadClient,
      events,
      setState,
      resume: () => {
        closeReview = null;
        view?.setReviewing(false);
        live?.resume();
        setState('live');
        view?.captureButton.focus();
      },
    });
  }

  async function open(): Promise<void> {
    if (state !== 'idle' && state !== 'closed') return;
    setState('asking-consent');
    await consent.ready();
    const result = await consent.request(['camera']);
    if (!consent.allows('camera')) {
      setState(result.refused.length > 0 ? 'closed' : 'idle');
      return;
    }
    setState('starting');
    // The texts (one locale's chunk) load alongside the live view's code, not after it.
    const [parts, texts] = await Promise.all([
      loadLive(),
      loadTryOnStrings(consent.locale, overrides),
    ]);
    strings = texts;
    const container = options.container ?? document.body;
    view = parts.mountLiveView(container, strings, () => void tryOn.close(), consent.locale);
    view.host.dataset.state = 'starting';
    view.closeButton.addEventListener('click', () => void tryOn.close());
    view.withdrawButton.addEventListener('click', () => void tryOn.withdraw());
    view.captureButton.addEventListener('click', () => void capture().catch((e) => fail(e)));
    void uploadClient(); // resumes any queue an earlier page left, with its consent
    await begin(parts);
  }

  function offerRetry(parts: Awaited<ReturnType<typeof loadLive>>): void {
    view?.host.setAttribute('data-phase', 'failed');
    view?.offerRetry(() => {
      setState('starting');
      void begin(parts);
    });
  }

  /** The camera stopped under us: say so, release everything, offer to start again. */
  async function cameraEnded(parts: Awaited<ReturnType<typeof loadLive>>): Promise<void> {
    await stopLive();
    if (!view || !strings) return;
    setState('starting');
    fail(new FittingRoomError('camera_failed', 'The camera stopped.'));
    view.setStatus(strings.camera_ended);
    offerRetry(parts);
  }

  /** Starts the live pipeline in the mounted view; a failure offers a retry in place. */
  async function begin(parts: Awaited<ReturnType<typeof loadLive>>): Promise<void> {
    if (!view || !strings) return;
    view.offerRetry(null);
    try {
      live = await parts.startLive({
        view,
        product,
        consent,
        assetsUrl: options.assetsUrl,
        workerUrl: options.workerUrl,
        strings,
        debug: options.debug ?? false,
        inference: options.inference ?? 'auto',
        delegate: options.delegate,
        onError: (error) => events.emit('error', toError(error, 'A frame could not be processed.')),
        onCameraEnded: () => void cameraEnded(parts),
        onTracking: (tracking) => events.emit('tracking', tracking),
      });
    } catch (error) {
      fail(error);
      offerRetry(parts);
      return;
    }
    if (!view) return void (await stopLive()); // closed while starting
    view.captureButton.disabled = false;
    const { mode, delegate, delegateReason: reason } = live.landmarker;
    Object.assign(view.host.dataset, { mode, delegate, delegateReason: reason });
    if (options.debug) view.showDebug(`${mode} · ${delegate} (${reason})`);
    events.emit('landmarker', { mode, delegate, reason });
    setState('live');
  }

  const tryOn: TryOn = {
    open,
    async close() {
      await stopLive();
      view?.remove();
      view = null;
      setState('closed');
    },
    async withdraw() {
      const client = await uploadClient(); // subscribed before the event, so it purges + erases
      await stopLive();
      await consent.withdraw();
      if (strings) view?.setStatus(strings.withdrawn);
      events.emit('withdrawn', undefined);
      await client?.whenIdle();
      view?.remove();
      view = null;
      setState('closed');
    },
    async exportMyData() {
      const client = await uploadClient();
      return client ? client.exportMyData() : null;
    },
    async eraseMyData() {
      const client = await uploadClient();
      await client?.eraseMyData();
    },
    on: events.on,
  };
  return tryOn;
}
