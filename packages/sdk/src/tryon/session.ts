import * as v from 'valibot';
import type { Consent } from '../consent/api.js';
import { createConsent } from '../consent/consent.js';
import { createEmitter } from '../emitter.js';
import { ConfigError } from '../errors.js';
import {
  loadTryOnStrings,
  pickConsentOverrides,
  UI_KEYS,
  validateOverrides,
} from '../i18n/index.js';
import { parseProduct, parseProducts } from '../products/validate.js';
import type { createUploadClient, UploadClient } from '../upload/client.js';
import { parseConfig } from '../validation.js';
import type { Controller, runSession } from './controller.js';
import { next, type SessionEvent } from './machine.js';
import type { TryOn, TryOnEvents, TryOnOptions, TryOnState } from './types.js';
import type { createWarmSlot, WarmSlot } from './warm.js';

/** What the session loads after camera consent: the live view, its pipeline and the review. */
export interface LiveParts {
  readonly runSession: typeof runSession;
  readonly createWarmSlot: typeof createWarmSlot;
}

// Only consent is needed before the shopper agrees: the live view, camera, anchoring, overlay,
// capture and upload client load after that, so a page pays for them only on use.
const loadLiveParts = (): Promise<LiveParts> => import('./live-parts.js');
const loadUploads = () => import('../upload/client.js');

/** Injectable collaborators (tests pass fakes; pages use the defaults). */
export interface TryOnDeps {
  readonly createConsent?: typeof createConsent;
  readonly createUploadClient?: typeof createUploadClient;
}

/** {@link TryOnDeps} plus the after-consent parts, which only the SDK's own tests replace. */
export interface SessionDeps extends TryOnDeps {
  /** Loads the after-consent parts (default: the lazy chunk). */
  readonly loadLive?: () => Promise<LiveParts>;
}

/**
 * Creates a try-on for one product. Validates everything now (a mistake throws a
 * {@link ConfigError} naming the field) and touches no camera, storage or network until the
 * shopper opens it and consents.
 */
export function createTryOn(options: TryOnOptions, deps: TryOnDeps = {}): TryOn {
  return createSession(options, deps);
}

/** {@link createTryOn} with every collaborator injectable (see {@link SessionDeps}). */
export function createSession(options: TryOnOptions, deps: SessionDeps = {}): TryOn {
  // SSR-safe means "import anywhere, create in the browser": say so rather than fail on a URL.
  if (typeof document === 'undefined') {
    throw new ConfigError(
      'createTryOn',
      'runs in the browser only (no document here): import the SDK anywhere, but call createTryOn in client code, e.g. in a useEffect or a "use client" component',
    );
  }
  let product = parseProduct(options.product);
  const products = options.products === undefined ? [] : parseProducts(options.products);
  if (!options.assetsUrl) throw new ConfigError('assetsUrl', 'is required');
  const grace = options.reopenGraceMs;
  if (grace !== undefined && !(grace >= 0 && grace < 1 / 0)) {
    throw new ConfigError('reopenGraceMs', 'must be a number of ms ≥ 0');
  }
  parseConfig(
    v.optional(v.picklist(['camera', 'photo'], 'must be camera or photo')),
    options.mode,
    'mode',
  );
  const overrides = validateOverrides(options.strings, 'strings', UI_KEYS);
  const consent: Consent = (deps.createConsent ?? createConsent)(options.policy, {
    locale: options.locale,
    strings: pickConsentOverrides(overrides),
  });
  const events = createEmitter<TryOnEvents>();
  // A product the shopper picked in the strip is the one a reopen starts with.
  events.on('product', (picked) => {
    product = picked;
  });
  const loadLive = deps.loadLive ?? loadLiveParts;
  let state: TryOnState = 'idle';
  let running: Controller | null = null;
  let uploads: UploadClient | null = null;
  let warm: WarmSlot | undefined; // after consent: the landmarker kept between close and open

  /** Reports `event`; the table ({@link next}) decides the state. False when it was ignored. */
  const send = (event: SessionEvent): boolean => {
    const to = next(state, event);
    if (to === null) return false;
    if (to === state) return true;
    state = to;
    events.emit('state', to);
    return true;
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
  /** Ends the after-consent part: pipeline and review, then `beforeRemove`, then the view. */
  const stop = async (beforeRemove?: () => Promise<void>, keep = false) => {
    const ending = running;
    running = null;
    await ending?.stopLive(keep);
    await beforeRemove?.();
    ending?.remove();
  };

  async function open(): Promise<void> {
    if (!send('open')) return;
    await consent.ready();
    const result = await consent.request(['camera']);
    if (!consent.allows('camera')) {
      send(result.refused.length > 0 ? 'consent-refused' : 'consent-dismissed');
      return;
    }
    if (!send('consent-granted')) return; // closed while asking
    // The texts (one locale's chunk) load alongside the live view's code, not after it.
    const [parts, strings] = await Promise.all([
      loadLive(),
      loadTryOnStrings(consent.locale, overrides),
    ]);
    if (state !== 'starting' || running) return; // closed while loading
    void uploadClient(); // resumes any queue an earlier page left, with its consent
    warm ??= parts.createWarmSlot(consent, grace);
    running = parts.runSession({
      warm,
      options,
      product,
      products,
      consent,
      strings,
      events,
      send,
      state: () => state,
      uploads: uploadClient,
      close: () => void tryOn.close(),
      withdraw: () => void tryOn.withdraw(),
    });
    await running.started;
  }

  const tryOn: TryOn = {
    open,
    async setProduct(input) {
      product = parseProduct(input); // a mistake throws here, naming the field; nothing changes
      await running?.setProduct(product);
    },
    async close() {
      send('close');
      await stop(undefined, true);
    },
    async withdraw() {
      const client = await uploadClient(); // subscribed before the event, so it purges + erases
      send('withdraw'); // nothing reported from here on (an upload ending, a camera) revives it
      const shown = running;
      await stop(async () => {
        await warm?.release();
        await consent.withdraw();
        shown?.say('withdrawn');
        events.emit('withdrawn', undefined);
        await client?.whenIdle();
      });
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
