// When the landmarker's download starts: with the camera, or once the camera is open. Cold,
// the two side by side take as long as the longer one, not their sum (the camera's start, then
// ~21 MB of wasm and model to fetch and compile). Camera consent is given by then; what is not
// known yet is whether the camera will open. Where the browser says its permission is granted
// already, it will (a device that is gone or busy fails it anyway: the download is aborted);
// where the shopper is still to answer a prompt, or has blocked it, nothing is fetched before
// the camera is open, so a refusal costs no download.

import type { Landmarker } from '../ml/landmarker.js';
import type { LandmarkerKind } from '../ml/types.js';
import { downloadLandmarker } from './download.js';
import type { LiveOptions } from './live.js';

/** True when the download may start while the camera opens: its permission is granted. */
export function downloadWithCamera(permission: PermissionState | null): boolean {
  return permission === 'granted';
}

/** The `camera` permission's state, null where the browser cannot tell; shows no prompt. */
export async function cameraPermission(
  permissions: Pick<Permissions, 'query'> | undefined = globalThis.navigator?.permissions,
): Promise<PermissionState | null> {
  try {
    const status = await permissions?.query({ name: 'camera' as PermissionName });
    return status?.state ?? null;
  } catch {
    return null; // a browser that does not know the `camera` permission name
  }
}

/** The landmarker of one start, loading while the camera opens. */
export interface EarlyLandmarker {
  /** The warm one, the download started early, or one started now (the camera is open). */
  landmarker(): Promise<Landmarker>;
  /**
   * The start failed: aborts the download and closes whatever arrives; a warm landmarker goes
   * back to its slot when `repark` (the camera did not open) and consent still stands.
   */
  cancel(repark: boolean): void;
}

/** Collaborators of {@link loadAlongsideCamera}, injectable for tests. */
export interface EarlyDeps {
  readonly permission?: () => Promise<PermissionState | null>;
  readonly download?: typeof downloadLandmarker;
}

/**
 * Takes the warm landmarker the product needs (see warm.ts; one of another kind is closed), or
 * starts downloading one now where {@link downloadWithCamera} allows it.
 */
export function loadAlongsideCamera(
  options: LiveOptions,
  kind: LandmarkerKind,
  deps: EarlyDeps = {},
): EarlyLandmarker {
  const permission = deps.permission ?? cameraPermission;
  const fetchLandmarker = deps.download ?? downloadLandmarker;
  const taken = options.warm?.take() ?? null;
  if (taken && taken.kind !== kind) void taken.close();
  const warm = taken?.kind === kind ? taken : null;
  // The download's own abort: the session's, or a start that failed.
  const loading = new AbortController();
  const abort = () => loading.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  let pending: Promise<Landmarker> | null = null;
  let cancelled = false;
  const download = (): Promise<Landmarker> => {
    pending ??= fetchLandmarker({ ...options, signal: loading.signal }, kind);
    pending.catch(() => {}); // awaited by the start; a camera failure first is its error
    return pending;
  };
  const early = warm
    ? null
    : permission().then((p) => (downloadWithCamera(p) && !cancelled ? download() : null));
  early?.catch(() => {});
  return {
    landmarker() {
      const ready = warm ? Promise.resolve(warm) : early!.then((m) => m ?? download());
      const stopListening = () => options.signal?.removeEventListener('abort', abort);
      ready.then(stopListening, stopListening);
      return ready;
    },
    cancel(repark) {
      cancelled = true;
      options.signal?.removeEventListener('abort', abort);
      abort();
      void early?.then(
        () =>
          pending?.then(
            (m) => m.close(),
            () => {},
          ),
        () => {},
      );
      if (warm && repark && options.consent.allows('camera')) options.warm?.park(warm);
      else void warm?.close();
    },
  };
}
