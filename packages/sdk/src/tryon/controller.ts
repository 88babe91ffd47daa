import type { Consent } from '../consent/api.js';
import type { Emitter } from '../emitter.js';
import { FittingRoomError } from '../errors.js';
import type { TryOnStrings } from '../i18n/types.js';
import type { LandmarkerContextChange } from '../ml/landmarker.js';
import type { Product } from '../products/types.js';
import type { UploadClient } from '../upload/client.js';
import { type Live, startLive } from './live.js';
import type { SessionEvent } from './machine.js';
import { openReview } from './review-flow.js';
import { isTestMode } from './test-mode.js';
import type { TryOnEvents, TryOnOptions, TryOnState } from './types.js';
import { type LiveView, mountLiveView } from './view.js';
import type { WarmSlot } from './warm.js';

/** What the session hands the after-consent part: its table, its events, its consent. */
export interface SessionContext {
  readonly options: TryOnOptions;
  readonly product: Product;
  readonly consent: Consent;
  readonly strings: TryOnStrings;
  readonly events: Emitter<TryOnEvents>;
  /** Reports an event to the session's table; false when the current state ignores it. */
  readonly send: (event: SessionEvent) => boolean;
  readonly state: () => TryOnState;
  /** The upload client, created on first use (null without an ingest server). */
  readonly uploads: () => Promise<UploadClient | null>;
  readonly close: () => void;
  readonly withdraw: () => void;
  /** The landmarker kept between this session's close and its next open (see warm.ts). */
  readonly warm?: WarmSlot | undefined;
}

/** The shell's effects, injectable so tests drive the session with a fake pipeline. */
export interface ControllerDeps {
  readonly startLive: typeof startLive;
  readonly mountLiveView: typeof mountLiveView;
  readonly openReview: typeof openReview;
}

/** The running after-consent part of a session: the mounted view and its pipeline. */
export interface Controller {
  /** Settles once the first start succeeded or failed (a failure offers a retry in place). */
  readonly started: Promise<void>;
  /**
   * Closes any review and the pipeline (camera, overlay, and the landmarker unless `keep`: then
   * it is parked in the warm slot for a reopen); the view stays.
   */
  stopLive(keep?: boolean): Promise<void>;
  /** Shows one of the try-on texts in the view's status line. */
  say(key: keyof TryOnStrings): void;
  /** Removes the view. */
  remove(): void;
}

function toError(error: unknown, fallback: string): FittingRoomError {
  if (error instanceof FittingRoomError) return error;
  return new FittingRoomError('ml_load_failed', fallback, { cause: error });
}

/**
 * Mounts the live view and runs the pipeline for a session whose camera consent is given:
 * start (with a retry in place on failure), capture → review → share, and a camera that ends.
 * Every change of state goes through `ctx.send`; a report the table ignores changes nothing.
 */
export function runSession(
  ctx: SessionContext,
  deps: ControllerDeps = { startLive, mountLiveView, openReview },
): Controller {
  const { options, product, consent, strings, events } = ctx;
  const container = options.container ?? document.body;
  const view: LiveView = deps.mountLiveView(container, strings, ctx.close, consent.locale);
  let live: Live | null = null;
  /** Aborts a start in flight (closed or withdrawn while the camera and models load). */
  let starting: AbortController | null = null;
  let closeReview: (() => void) | null = null;
  let removed = false;
  /** A landmarker context that could not be made again while a photo was under review. */
  let brokenWhileReviewing: FittingRoomError | null = null;
  view.host.dataset.state = ctx.state();
  void isTestMode(options.ingest, ctx.uploads).then((test) => {
    if (test && !removed) view.showTestMode(strings.testMode);
  });
  const unsubscribe = events.on('state', (state) => {
    view.host.dataset.state = state;
  });

  const fail = (error: unknown) => {
    const typed = toError(error, 'Try-on could not start on this device.');
    const key = typed.code as keyof TryOnStrings;
    view.setStatus(key in strings ? strings[key] : strings.mlFailed);
    events.emit('error', typed);
  };
  /** Sends `resumed` and, when accepted, lets frames flow again in the live view. */
  const send = (event: SessionEvent): boolean => {
    if (!ctx.send(event)) return false;
    if (event === 'resumed') {
      closeReview = null;
      view.setReviewing(false);
      live?.resume();
      view.captureButton.focus();
      if (brokenWhileReviewing) void contextFailed(brokenWhileReviewing);
    }
    return true;
  };

  async function stopLive(keep = false): Promise<void> {
    starting?.abort();
    starting = null;
    closeReview?.();
    closeReview = null;
    const running = live;
    live = null;
    await running?.close(keep);
  }

  async function capture(): Promise<void> {
    if (!live || ctx.state() !== 'live') return;
    const blob = await live.capture();
    if (!live || !send('captured')) return; // closed or lost the camera meanwhile
    live.pause();
    events.emit('capture', blob);
    closeReview = deps.openReview({
      view,
      blob,
      strings,
      product,
      consent,
      canShare: Boolean(options.ingest),
      uploads: ctx.uploads,
      emit: events.emit,
      send,
      close: ctx.close,
    });
  }

  function offerRetry(): void {
    view.host.setAttribute('data-phase', 'failed');
    view.offerRetry(() => {
      if (send('retry')) void begin();
    });
  }

  /** The camera stopped under us: say so, release everything, offer to start again. */
  async function cameraEnded(): Promise<void> {
    if (!send('camera-lost')) return;
    await stopLive(true); // the landmarker stays loaded for the retry
    fail(new FittingRoomError('camera_failed', 'The camera stopped.'));
    view.setStatus(strings.camera_ended);
    offerRetry();
  }

  /**
   * The landmarker's WebGL context went: live → starting until it is made again (a review in
   * progress goes on undisturbed; the pipeline is paused under it anyway).
   */
  function contextChanged(change: LandmarkerContextChange): void {
    view.captureButton.disabled = change.state !== 'restored';
    if (change.state === 'lost') send('context-lost');
    else if (change.state === 'restored') {
      if (live && ctx.state() === 'starting') send('started');
    } else if (ctx.state() === 'reviewing' || ctx.state() === 'uploading') {
      brokenWhileReviewing = change.error; // said once the shopper is back in the live view
    } else void contextFailed(change.error);
  }

  /** It could not be made again: release the pipeline, say so, offer to start anew. */
  async function contextFailed(error: FittingRoomError): Promise<void> {
    brokenWhileReviewing = null;
    send('context-lost'); // from live; already starting otherwise
    if (!send('start-failed')) return; // closed meanwhile
    await stopLive(false);
    fail(error);
    offerRetry();
  }

  async function begin(): Promise<void> {
    view.offerRetry(null);
    let started: Live;
    const controller = new AbortController();
    starting = controller;
    try {
      started = await deps.startLive({
        signal: controller.signal,
        view,
        product,
        consent,
        assetsUrl: options.assetsUrl,
        workerUrl: options.workerUrl,
        strings,
        debug: options.debug ?? false,
        inference: options.inference ?? 'auto',
        delegate: options.delegate,
        warm: ctx.warm,
        onError: (error) => events.emit('error', toError(error, 'A frame could not be processed.')),
        onCameraEnded: () => void cameraEnded(),
        onTracking: (tracking) => events.emit('tracking', tracking),
        onContext: contextChanged,
      });
    } catch (error) {
      // Aborted (closed or withdrawn while starting): startLive released everything.
      if (controller.signal.aborted || removed || !send('start-failed')) return;
      fail(error);
      offerRetry();
      return;
    } finally {
      if (starting === controller) starting = null;
    }
    // Closed (or withdrawn) while starting: this pipeline has no session any more.
    if (removed || ctx.state() !== 'starting') return void (await started.close());
    live = started;
    view.captureButton.disabled = false;
    const { mode, delegate, delegateReason: reason } = started.landmarker;
    Object.assign(view.host.dataset, { mode, delegate, delegateReason: reason });
    if (options.debug) view.showDebug(`${mode} · ${delegate} (${reason})`);
    events.emit('landmarker', { mode, delegate, reason });
    send('started');
  }

  view.closeButton.addEventListener('click', ctx.close);
  view.withdrawButton.addEventListener('click', ctx.withdraw);
  view.captureButton.addEventListener('click', () => void capture().catch((e) => fail(e)));
  return {
    started: begin(),
    stopLive,
    say: (key) => view.setStatus(strings[key]),
    remove() {
      removed = true;
      unsubscribe();
      view.remove();
    },
  };
}
