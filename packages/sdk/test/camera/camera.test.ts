import { describe, expect, it, vi } from 'vitest';
import { openCamera } from '../../src/camera/camera.js';
import { videoConstraints } from '../../src/camera/constraints.js';
import { CameraError, cameraErrorCode } from '../../src/camera/errors.js';
import type { ConsentView, WithdrawalEvent } from '../../src/consent/types.js';

function fakeConsent(camera: boolean) {
  const listeners = new Set<(e: WithdrawalEvent) => void>();
  let allowed = camera;
  const view: ConsentView = {
    record: null,
    allows: (purpose) => purpose === 'camera' && allowed,
    receipt: () => null,
    onWithdraw: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const withdraw = () => {
    allowed = false;
    for (const l of listeners) l({ record: {} as WithdrawalEvent['record'], receiptIds: [] });
  };
  return { view, withdraw, listeners };
}

class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  stop() {
    this.readyState = 'ended';
  }
}

function fakeDevices(fail?: string) {
  const tracks: FakeTrack[] = [];
  const getUserMedia = vi.fn(async () => {
    if (fail) throw new DOMException('nope', fail);
    const track = new FakeTrack();
    tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  });
  return { devices: { getUserMedia } as unknown as MediaDevices, getUserMedia, tracks };
}

function mountedVideo() {
  const video = document.createElement('video');
  // happy-dom only accepts its own MediaStream; the fake stream stands in for a real one.
  Object.defineProperty(video, 'srcObject', { value: null, writable: true });
  document.body.append(video);
  return video;
}

describe('openCamera', () => {
  it('asks for no camera without camera consent', async () => {
    const { devices, getUserMedia } = fakeDevices();
    const consent = fakeConsent(false);
    await expect(
      openCamera({ consent: consent.view, video: mountedVideo(), mediaDevices: devices }),
    ).rejects.toMatchObject({ code: 'consent_required' });
    expect(getUserMedia).not.toHaveBeenCalled();
  });

  it('opens the front camera into the video and stops every track on close', async () => {
    const { devices, getUserMedia, tracks } = fakeDevices();
    const video = mountedVideo();
    const camera = await openCamera({
      consent: fakeConsent(true).view,
      video,
      mediaDevices: devices,
    });
    expect(getUserMedia).toHaveBeenCalledWith(
      expect.objectContaining({
        audio: false,
        video: expect.objectContaining({ facingMode: 'user' }),
      }),
    );
    expect(video.srcObject).toBe(camera.stream);
    const reasons: string[] = [];
    camera.onClose((r) => reasons.push(r));
    camera.close();
    camera.close();
    expect(tracks.map((t) => t.readyState)).toEqual(['ended']);
    expect(video.srcObject).toBeNull();
    expect(reasons).toEqual(['closed']);
  });

  it('stops on withdrawal and unsubscribes', async () => {
    const { devices, tracks } = fakeDevices();
    const consent = fakeConsent(true);
    const camera = await openCamera({
      consent: consent.view,
      video: mountedVideo(),
      mediaDevices: devices,
    });
    const reasons: string[] = [];
    camera.onClose((r) => reasons.push(r));
    consent.withdraw();
    expect(tracks[0]?.readyState).toBe('ended');
    expect(reasons).toEqual(['withdrawn']);
    expect(consent.listeners.size).toBe(0);
  });

  it('stops on pagehide and when the video leaves the DOM, and can reopen', async () => {
    const { devices, tracks } = fakeDevices();
    const consent = fakeConsent(true);
    const video = mountedVideo();
    const first = await openCamera({ consent: consent.view, video, mediaDevices: devices });
    window.dispatchEvent(new Event('pagehide'));
    expect(tracks[0]?.readyState).toBe('ended');
    const second = await openCamera({ consent: consent.view, video, mediaDevices: devices });
    const reasons: string[] = [];
    second.onClose((r) => reasons.push(r));
    video.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(tracks[1]?.readyState).toBe('ended');
    expect(reasons).toEqual(['detached']);
    expect(first.stream).not.toBe(second.stream);
  });

  it('turns a denied permission into a typed, explained error', async () => {
    const { devices } = fakeDevices('NotAllowedError');
    const error = await openCamera({
      consent: fakeConsent(true).view,
      video: mountedVideo(),
      mediaDevices: devices,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CameraError);
    expect(error).toMatchObject({ code: 'camera_denied' });
    expect((error as Error).message).toMatch(/blocked/);
  });

  it('reports a missing camera API as unsupported', async () => {
    await expect(
      openCamera({
        consent: fakeConsent(true).view,
        video: mountedVideo(),
        mediaDevices: {} as MediaDevices,
      }),
    ).rejects.toMatchObject({ code: 'camera_unsupported' });
  });
});

describe('cameraErrorCode', () => {
  it.each([
    ['NotAllowedError', 'camera_denied'],
    ['SecurityError', 'camera_insecure_context'],
    ['NotFoundError', 'camera_not_found'],
    ['OverconstrainedError', 'camera_not_found'],
    ['NotReadableError', 'camera_busy'],
    ['AbortError', 'camera_busy'],
    ['SomethingElse', 'camera_failed'],
  ])('%s → %s', (name, code) => {
    expect(cameraErrorCode(new DOMException('x', name))).toBe(code);
  });
});

describe('videoConstraints', () => {
  it('picks the smallest common size covering the view in device pixels', () => {
    expect(videoConstraints(300, 200)).toMatchObject({
      width: { ideal: 320 },
      height: { ideal: 240 },
    });
    expect(videoConstraints(400, 300, 2)).toMatchObject({ width: { ideal: 960 } });
    expect(videoConstraints(5000, 10)).toMatchObject({ width: { ideal: 1920 } });
    expect(videoConstraints(640, 480).facingMode).toBe('user');
    expect(videoConstraints(640, 480).aspectRatio).toBeUndefined();
  });

  it('asks for a portrait frame when the view is portrait (a full-screen phone sheet)', () => {
    expect(videoConstraints(390, 844, 1)).toMatchObject({
      width: { ideal: 540 },
      height: { ideal: 960 },
      aspectRatio: { ideal: 540 / 960 },
    });
  });
});
