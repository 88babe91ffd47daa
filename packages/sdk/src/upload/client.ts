import type { KeyInfo, SubjectExport, UploadResult } from '@fittingroom/protocol';
import type { WithdrawalEvent } from '../consent/types.js';
import { createEmitter, type Listener } from '../emitter.js';
import { getExport, getExportImage, getKeyInfo } from './api.js';
import { type OnlineEvents, resolveConfig, type UploadClientOptions } from './config.js';
import { deliver } from './delivery.js';
import { type ErasureRequest, eraseEverywhere } from './erasure.js';
import { toUploadError, UploadError } from './errors.js';
import { type UploadMeta, validateUploadInput } from './input.js';
import { createIdbStore } from './kv-store.js';
import { createUploadQueue } from './queue.js';
import { createRuntime, type Runtime } from './runtime.js';
import { createSubjectStore } from './subject-store.js';
import { createFetchTransport, type Transport } from './transport.js';
import { createUpload, type Upload } from './upload.js';
import { createXhrTransport } from './xhr-transport.js';

/** What one `resumeQueued()` run did. */
export interface ResumeSummary {
  readonly sent: readonly UploadResult[];
  readonly failed: readonly UploadError[];
  /** Items still waiting (offline, server down, or consent not loaded yet). */
  readonly remaining: number;
  /** Items that could not be decrypted and were deleted. */
  readonly dropped: number;
}

/** Client-level events. */
export interface UploadClientEvents {
  /** A resume run finished. */
  resumed: ResumeSummary;
  /** The server confirmed erasure; the device forgot the subject token. */
  erased: ErasureRequest;
  /** Erasure could not reach the server; it stays pending and is retried on `online`/next load. */
  'erasure-pending': UploadError;
}

/** The upload client; see {@link createUploadClient}. */
export interface UploadClient {
  /** Prepares an upload (validated now; throws `invalid_input` naming the field). Call `start()`. */
  upload(image: Blob, meta: UploadMeta): Upload;
  /** Sends queued uploads (or finishes a pending erasure). Never creates storage. */
  resumeQueued(): Promise<ResumeSummary>;
  /** The shopper's copy of their server-side data, or null when the server holds none. */
  exportMyData(): Promise<SubjectExport | null>;
  /** Downloads one exported image (`imageUrl` from the export; same origin only). */
  fetchExportImage(imageUrl: string): Promise<Blob>;
  /** Purges the queue, erases the subject on the server and forgets the token. */
  eraseMyData(): Promise<void>;
  /** The mode the server configured the publishable key with (`GET /v1/key`; nothing personal). */
  keyInfo(): Promise<KeyInfo>;
  /** Resolves when background work (resume, withdrawal, erasure) has settled. */
  whenIdle(): Promise<void>;
  on<K extends keyof UploadClientEvents>(
    type: K,
    listener: Listener<UploadClientEvents[K]>,
  ): () => void;
  /** Stops listening, cancels in-flight work (queued items stay queued) and closes storage. */
  close(): Promise<void>;
}

const EMPTY: ResumeSummary = { sent: [], failed: [], remaining: 0, dropped: 0 };

/**
 * Creates the upload client. It resumes a queue left by an earlier page (without creating storage
 * when there is none), listens to `online`, and obeys `consent.onWithdraw`: queue purged at once,
 * in-flight uploads aborted, withdrawal + erasure sent, token forgotten, later uploads refused.
 */
export function createUploadClient(options: UploadClientOptions): UploadClient {
  const config = resolveConfig(options);
  const webCrypto = options.crypto ?? globalThis.crypto;
  const store = options.storage ?? createIdbStore();
  const rt = createRuntime(config, {
    api: {
      endpoint: config.endpoint,
      publishableKey: config.publishableKey,
      transport: options.transport ?? defaultTransport(),
    },
    store,
    queue: createUploadQueue({ store, crypto: webCrypto }),
    subject: createSubjectStore(store),
    crypto: webCrypto,
  });
  const events = createEmitter<UploadClientEvents>();
  const lifetime = new AbortController();
  const background = new Set<Promise<unknown>>();
  let resuming: Promise<ResumeSummary> | null = null;
  let erasing: Promise<void> = Promise.resolve();
  let closed = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    const settled = work.catch(() => undefined).finally(() => background.delete(settled));
    background.add(settled);
    return work;
  };

  /** Erasures run one at a time; each failure is reported and left pending. */
  const erase = (request: ErasureRequest): Promise<void> => {
    const run = erasing.then(async () => {
      try {
        await eraseEverywhere(rt, request, { signal: lifetime.signal });
        events.emit('erased', request);
      } catch (thrown) {
        const error = toUploadError(thrown);
        events.emit('erasure-pending', error);
        throw error;
      }
    });
    erasing = run.catch(() => undefined);
    return track(run);
  };

  const onWithdraw = (event: WithdrawalEvent) => {
    rt.markWithdrawn(event.receiptIds);
    rt.cancelAll('withdrawn');
    // At once, not behind an earlier erasure that may still be waiting to retry.
    track(rt.queue.purge()).catch(() => undefined);
    erase({ receiptIds: event.receiptIds, withdrawnAt: event.record.timestamp }).catch(
      () => undefined,
    );
  };

  const resume = (): Promise<ResumeSummary> => {
    if (closed) return Promise.resolve(EMPTY);
    resuming ??= track(
      resumeOnce(rt, erase, lifetime.signal).then((summary) => {
        if (summary !== EMPTY) events.emit('resumed', summary);
        return summary;
      }),
    ).finally(() => {
      resuming = null;
    });
    return resuming;
  };

  const onOnline = () => {
    resume().catch(() => undefined);
  };
  const unsubscribe = config.consent.onWithdraw(onWithdraw);
  const onlineEvents = options.events === undefined ? defaultEvents() : options.events;
  onlineEvents?.addEventListener('online', onOnline);
  onOnline(); // page load: pick up whatever an earlier page left behind

  const currentToken = async () => (await rt.subject.read())?.token ?? rt.token;

  return {
    upload(image, meta) {
      if (closed) throw new UploadError('aborted', 'upload client is closed');
      return createUpload(rt, validateUploadInput(image, meta, config.maxImageBytes));
    },
    resumeQueued: resume,
    async exportMyData() {
      const token = await currentToken();
      if (!token) return null;
      try {
        return await getExport(rt.api, token, { signal: lifetime.signal });
      } catch (error) {
        // An unknown token: the server holds nothing for it (e.g. the retailer erased the
        // subject on an e-mailed request), which is an empty export, not a failure.
        if (error instanceof UploadError && error.apiCode === 'invalid_token') return null;
        throw error;
      }
    },
    async fetchExportImage(imageUrl) {
      const token = await currentToken();
      if (!token) throw new UploadError('invalid_input', 'no data on the server for this device');
      return getExportImage(rt.api, token, imageUrl, { signal: lifetime.signal });
    },
    eraseMyData() {
      rt.cancelAll('erased');
      track(rt.queue.purge()).catch(() => undefined);
      return erase({ receiptIds: [] });
    },
    keyInfo: () => getKeyInfo(rt.api, { signal: lifetime.signal }),
    async whenIdle() {
      while (background.size > 0) await Promise.all([...background]);
    },
    on: events.on,
    async close() {
      if (closed) return;
      closed = true;
      rt.close();
      unsubscribe();
      onlineEvents?.removeEventListener('online', onOnline);
      rt.cancelAll('closed');
      lifetime.abort(new UploadError('aborted', 'upload client closed'));
      while (background.size > 0) await Promise.all([...background]);
      events.clear();
      store.close();
    },
  };
}

/**
 * One resume run: finish a pending erasure first; honour a withdrawal that happened while no
 * client was listening; drop items whose consent expired or was refused; then send the rest,
 * oldest first, stopping at the first that has to stay queued.
 */
async function resumeOnce(
  rt: Runtime,
  erase: (request: ErasureRequest) => Promise<void>,
  lifetime: AbortSignal,
): Promise<ResumeSummary> {
  if (!(await rt.store.exists())) return EMPTY;
  const record = await rt.subject.read();
  const gate = rt.gate();
  const withdrawal = rt.config.consent.record;
  if (!gate.ok && gate.reason === 'withdrawn') {
    // Withdrawn while no client listened: withdraw every receipt this device registered.
    await erase({
      receiptIds: record?.registered ?? [],
      withdrawnAt: withdrawal?.action === 'withdraw' ? withdrawal.timestamp : undefined,
    }).catch(() => undefined);
    return EMPTY;
  }
  if (record?.pendingErasure) {
    // Finish what an earlier page started (its receipts are kept in the pending record).
    await erase({ receiptIds: [] }).catch(() => undefined);
    return EMPTY;
  }
  const { items, dropped } = await rt.queue.list();
  if (!gate.ok) {
    if (gate.reason === 'missing') return { ...EMPTY, remaining: items.length, dropped };
    await rt.queue.purge(); // expired or refused: these images may no longer be sent
    const error = new UploadError(`consent_${gate.reason}`, `upload consent ${gate.reason}`);
    return { ...EMPTY, failed: items.map(() => error), dropped };
  }
  const sent: UploadResult[] = [];
  const failed: UploadError[] = [];
  const controller = new AbortController();
  const stop = () => controller.abort();
  lifetime.addEventListener('abort', stop, { once: true });
  try {
    for (const [index, item] of items.entries()) {
      if (controller.signal.aborted)
        return { sent, failed, remaining: items.length - index, dropped };
      const release = rt.claim(item.id, { cancel: stop });
      if (!release) continue;
      const outcome = await deliver(rt, item, { signal: controller.signal }).finally(release);
      if (outcome.ok) sent.push(outcome.value);
      else if (outcome.queued || outcome.error.code === 'aborted') {
        return { sent, failed, remaining: items.length - index, dropped };
      } else failed.push(outcome.error);
    }
    return { sent, failed, remaining: 0, dropped };
  } finally {
    lifetime.removeEventListener('abort', stop);
  }
}

function defaultTransport(): Transport {
  return typeof globalThis.XMLHttpRequest === 'function'
    ? createXhrTransport()
    : createFetchTransport();
}

function defaultEvents(): OnlineEvents | null {
  return typeof window === 'undefined' ? null : window;
}
