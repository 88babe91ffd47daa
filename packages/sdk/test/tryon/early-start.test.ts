import { describe, expect, it, vi } from 'vitest';
import type { ConsentView } from '../../src/consent/types.js';
import type { Landmarker } from '../../src/ml/landmarker.js';
import {
  cameraPermission,
  downloadWithCamera,
  loadAlongsideCamera,
} from '../../src/tryon/early-start.js';
import type { LiveOptions } from '../../src/tryon/live.js';
import type { WarmSlot } from '../../src/tryon/warm.js';

function fakeLandmarker(kind: 'hand' | 'face' = 'hand') {
  const close = vi.fn(async () => {});
  return { landmarker: { kind, close } as unknown as Landmarker, close };
}

function setup(options: { parked?: Landmarker | null; allows?: boolean } = {}) {
  let parked = options.parked ?? null;
  const park = vi.fn((l: Landmarker) => {
    parked = l;
  });
  const warm = {
    take: () => {
      const held = parked;
      parked = null;
      return held;
    },
    park,
  } as unknown as WarmSlot;
  const consent = { allows: () => options.allows ?? true } as unknown as ConsentView;
  const live = { consent, warm } as unknown as LiveOptions;
  const cold = fakeLandmarker();
  const download = vi.fn(async (_o: LiveOptions) => cold.landmarker);
  return { live, park, cold, download };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('downloadWithCamera', () => {
  it('starts the download with the camera only where its permission is granted already', () => {
    expect(downloadWithCamera('granted')).toBe(true);
    expect(downloadWithCamera('prompt')).toBe(false);
    expect(downloadWithCamera('denied')).toBe(false);
    expect(downloadWithCamera(null)).toBe(false);
  });
});

describe('cameraPermission', () => {
  it('reads the state, and null where the browser cannot tell', async () => {
    const granted = { query: async () => ({ state: 'granted' }) as PermissionStatus };
    const unknown = {
      query: async () => {
        throw new TypeError('camera is not a valid permission name');
      },
    };
    expect(await cameraPermission(granted)).toBe('granted');
    expect(await cameraPermission(unknown)).toBe(null);
    expect(await cameraPermission({ query: async () => ({}) as PermissionStatus })).toBe(null);
  });
});

describe('loadAlongsideCamera', () => {
  it('downloads while the camera opens when the permission is granted', async () => {
    const { live, cold, download } = setup();
    const loads = loadAlongsideCamera(live, 'hand', {
      permission: async () => 'granted',
      download,
    });
    await tick();
    expect(download).toHaveBeenCalledTimes(1); // before the camera is open
    expect(await loads.landmarker()).toBe(cold.landmarker);
    expect(download).toHaveBeenCalledTimes(1);
  });

  it('waits for the camera while a permission prompt is still to be answered', async () => {
    const { live, cold, download } = setup();
    const loads = loadAlongsideCamera(live, 'hand', { permission: async () => 'prompt', download });
    await tick();
    expect(download).not.toHaveBeenCalled();
    expect(await loads.landmarker()).toBe(cold.landmarker);
  });

  it('downloads nothing when the camera fails first, and aborts a download under way', async () => {
    const waiting = setup();
    let answer: (p: PermissionState) => void = () => {};
    const slow = loadAlongsideCamera(waiting.live, 'hand', {
      permission: () => new Promise((r) => (answer = r)),
      download: waiting.download,
    });
    slow.cancel(true);
    answer('granted');
    await tick();
    expect(waiting.download).not.toHaveBeenCalled();

    const started = setup();
    const loads = loadAlongsideCamera(started.live, 'hand', {
      permission: async () => 'granted',
      download: started.download,
    });
    await tick();
    loads.cancel(true);
    const signal = started.download.mock.calls[0]?.[0].signal;
    expect(signal?.aborted).toBe(true);
    await tick();
    expect(started.cold.close).toHaveBeenCalled();
  });

  it('uses a warm landmarker of the right kind, and parks it again if the camera fails', async () => {
    const warm = fakeLandmarker('hand');
    const { live, park, download } = setup({ parked: warm.landmarker });
    const loads = loadAlongsideCamera(live, 'hand', {
      permission: async () => 'granted',
      download,
    });
    loads.cancel(true);
    expect(park).toHaveBeenCalledWith(warm.landmarker);
    expect(warm.close).not.toHaveBeenCalled();
    const again = loadAlongsideCamera(live, 'hand', { download });
    expect(await again.landmarker()).toBe(warm.landmarker);
    expect(download).not.toHaveBeenCalled();
  });

  it('closes a warm landmarker of another kind, or one whose consent was withdrawn', async () => {
    const face = fakeLandmarker('face');
    const other = setup({ parked: face.landmarker });
    loadAlongsideCamera(other.live, 'hand', { permission: async () => 'prompt' });
    expect(face.close).toHaveBeenCalled();

    const hand = fakeLandmarker('hand');
    const withdrawn = setup({ parked: hand.landmarker, allows: false });
    loadAlongsideCamera(withdrawn.live, 'hand', { permission: async () => 'prompt' }).cancel(true);
    expect(withdrawn.park).not.toHaveBeenCalled();
    expect(hand.close).toHaveBeenCalled();
  });
});
