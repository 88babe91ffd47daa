import { describe, expect, it, vi } from 'vitest';
import type { Camera, CameraCloseReason } from '../../src/camera/camera.js';
import { HIDDEN_CAMERA_MS, watchVisibility } from '../../src/tryon/visibility.js';

function fakeCamera() {
  const listeners: ((reason: CameraCloseReason) => void)[] = [];
  const camera = {
    close: vi.fn(() => {
      for (const l of listeners.splice(0)) l('closed');
    }),
    onClose: (l: (reason: CameraCloseReason) => void) => listeners.push(l),
    end: () => {
      for (const l of listeners.splice(0)) l('ended');
    },
  };
  return camera as typeof camera & Camera;
}

function setup() {
  let state: DocumentVisibilityState = 'visible';
  const target = new EventTarget();
  const doc = {
    get visibilityState() {
      return state;
    },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  } as unknown as Document;
  const show = (visible: boolean) => {
    state = visible ? 'visible' : 'hidden';
    target.dispatchEvent(new Event('visibilitychange'));
  };
  const host = document.createElement('div');
  const loop = { pause: vi.fn(), resume: vi.fn() };
  const first = fakeCamera();
  const second = fakeCamera();
  const reopen = vi.fn(async () => second);
  const onEnded = vi.fn();
  const control = watchVisibility({ doc, host, loop, camera: first, reopen, onEnded });
  return { show, host, loop, first, second, reopen, onEnded, control };
}

describe('watchVisibility', () => {
  it('pauses inference while hidden and resumes when shown, camera kept', () => {
    vi.useFakeTimers();
    const t = setup();
    t.show(false);
    expect(t.host.dataset.paused).toBe('true');
    expect(t.loop.pause).toHaveBeenCalled();
    vi.advanceTimersByTime(HIDDEN_CAMERA_MS - 1);
    t.show(true);
    expect(t.host.dataset.paused).toBe('false');
    expect(t.loop.resume).toHaveBeenCalled();
    vi.advanceTimersByTime(HIDDEN_CAMERA_MS * 2);
    expect(t.first.close).not.toHaveBeenCalled();
    expect(t.reopen).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('stops the camera after the hidden timeout and opens it again when shown', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.show(false);
    vi.advanceTimersByTime(HIDDEN_CAMERA_MS);
    expect(t.first.close).toHaveBeenCalledOnce();
    expect(t.host.dataset.camera).toBe('stopped');
    expect(t.onEnded).not.toHaveBeenCalled(); // stopping it ourselves is not the device ending it
    t.loop.resume.mockClear();
    t.show(true);
    expect(t.reopen).toHaveBeenCalledOnce();
    expect(t.loop.resume).not.toHaveBeenCalled(); // no camera yet
    await vi.waitFor(() => expect(t.host.dataset.camera).toBe('on'));
    expect(t.loop.resume).toHaveBeenCalled();
    t.control.close();
    expect(t.second.close).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  it('reports a camera the device ended, and one that cannot be opened again', async () => {
    vi.useFakeTimers();
    const t = setup();
    t.first.end();
    expect(t.onEnded).toHaveBeenCalledOnce();
    const u = setup();
    u.reopen.mockRejectedValueOnce(new Error('NotAllowedError'));
    u.show(false);
    vi.advanceTimersByTime(HIDDEN_CAMERA_MS);
    u.show(true);
    await vi.waitFor(() => expect(u.onEnded).toHaveBeenCalledOnce());
    vi.useRealTimers();
  });

  it('keeps inference paused during review, visible or not', () => {
    const t = setup();
    t.control.setReviewing(true);
    t.show(false);
    t.show(true);
    expect(t.host.dataset.paused).toBe('true');
    t.control.setReviewing(false);
    expect(t.host.dataset.paused).toBe('false');
  });
});
