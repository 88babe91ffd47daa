import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentAnswer } from '../../src/consent/prompt.js';
import { FittingRoomError } from '../../src/errors.js';
import { createSession, type SessionDeps } from '../../src/tryon/session.js';
import type { TryOnState } from '../../src/tryon/types.js';
import { RING } from '../products/fixtures.js';
import { deferred, fakeDeps } from './support/fakes.js';

const grant: ConsentAnswer = { kind: 'decision', granted: ['camera', 'upload'], refused: [] };
const refuse: ConsentAnswer = { kind: 'decision', granted: [], refused: ['camera'] };
const dismiss: ConsentAnswer = { kind: 'dismissed' };

const product = RING;

function tryOnWith(
  deps: SessionDeps,
  policy: ReturnType<typeof fakeDeps>['policy'],
  publishableKey = 'pk_test',
) {
  const tryOn = createSession(
    {
      product,
      policy,
      assetsUrl: 'https://shop.example/assets/',
      ingest: { endpoint: 'https://ingest.example', publishableKey },
      locale: 'en',
    },
    deps,
  );
  const states: TryOnState[] = [];
  const errors: FittingRoomError[] = [];
  tryOn.on('state', (s) => states.push(s));
  tryOn.on('error', (e) => errors.push(e));
  return { tryOn, states, errors };
}

const host = () => document.querySelector<HTMLElement>('[data-fittingroom=tryon]');
const shadow = () => host()?.shadowRoot ?? null;
/** The review panel's primary button (Share), inside the review's own shadow root. */
function shareButton(): HTMLButtonElement {
  const reviewHost = shadow()?.querySelector('.review')?.firstElementChild;
  const button = reviewHost?.shadowRoot?.querySelector<HTMLButtonElement>('button.primary');
  if (!button) throw new Error('no Share button');
  return button;
}
/** The live view's button labelled `label`. */
function buttonOf(label: string): HTMLButtonElement {
  const buttons = [...(shadow()?.querySelectorAll('button') ?? [])];
  const button = buttons.find((b) => b.textContent === label && !b.hidden);
  if (!button) throw new Error(`no visible ${label} button`);
  return button;
}
const captureButton = () => buttonOf('Take photo');
/** Lets pending promise callbacks (lazy loads, consent reads) run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('createTryOn (createSession) through its deps, with fakes', () => {
  it('closes when the shopper refuses the camera, and mounts nothing', async () => {
    const { deps, policy } = fakeDeps([refuse]);
    const { tryOn, states } = tryOnWith(deps, policy);
    await tryOn.open();
    expect(states).toEqual(['asking-consent', 'closed']);
    expect(host()).toBeNull();
  });

  it('goes back to idle when the dialog is dismissed, and can be opened again', async () => {
    const { deps, policy } = fakeDeps([dismiss, refuse]);
    const { tryOn, states } = tryOnWith(deps, policy);
    await tryOn.open();
    expect(states).toEqual(['asking-consent', 'idle']);
    await tryOn.open();
    expect(states).toEqual(['asking-consent', 'idle', 'asking-consent', 'closed']);
  });

  it('goes live once the pipeline starts', async () => {
    const { deps, policy, start } = fakeDeps([grant]);
    const { tryOn, states } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    expect(states).toEqual(['asking-consent', 'starting', 'live']);
    expect(host()?.dataset.state).toBe('live');
  });

  it('closed while starting: the pipeline that starts late is closed, never live', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states } = tryOnWith(deps, policy);
    const opening = tryOn.open();
    await settle();
    expect(states.at(-1)).toBe('starting');
    await tryOn.close();
    start.resolve();
    await opening;
    expect(states).toEqual(['asking-consent', 'starting', 'closed']);
    expect(pipeline.calls).toEqual(['close']);
    expect(host()).toBeNull();
  });

  it('a share error goes back to reviewing with the photo kept', async () => {
    const { deps, policy, start, uploads } = fakeDeps([grant, grant]); // camera, then upload
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    captureButton().click();
    await settle();
    expect(states.at(-1)).toBe('reviewing');
    shareButton().click();
    await settle();
    expect(uploads.started).toEqual(['u1']);
    expect(states.at(-1)).toBe('uploading');
    uploads.fail();
    await settle();
    expect(states.slice(-3)).toEqual(['reviewing', 'uploading', 'reviewing']);
    expect(errors.map((e) => e.code)).toEqual(['network']);
    expect(shareButton().isConnected).toBe(true);
  });

  it('withdrawn during an upload: closed, and the upload ending later changes nothing', async () => {
    const { deps, policy, start, uploads, pipeline } = fakeDeps([grant, grant]);
    const { tryOn, states } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    captureButton().click();
    await settle();
    shareButton().click();
    await settle();
    expect(states.at(-1)).toBe('uploading');
    await tryOn.withdraw();
    expect(states.at(-1)).toBe('closed');
    uploads.fail(); // the queue purge aborts it
    await settle();
    expect(states.at(-1)).toBe('closed');
    expect(pipeline.calls).toContain('close');
    expect(host()).toBeNull();
  });

  it('camera lost while live: starts again, says so, and offers a retry', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    pipeline.options().onCameraEnded();
    await settle();
    expect(states.slice(-2)).toEqual(['live', 'starting']);
    expect(pipeline.calls).toEqual(['close']);
    expect(errors.map((e) => e.code)).toEqual(['camera_failed']);
    expect(host()?.dataset.phase).toBe('failed');
    buttonOf('Try again').click();
    await settle();
    expect(states.at(-1)).toBe('live');
  });

  it('camera lost after a close is ignored', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    await tryOn.close();
    pipeline.options().onCameraEnded();
    await settle();
    expect(states.at(-1)).toBe('closed');
    expect(errors).toEqual([]);
  });

  it('a start that fails offers a retry and stays starting', async () => {
    const start = deferred<void>();
    start.promise.catch(() => {}); // rejected before the session awaits it
    start.reject(new Error('no wasm'));
    const { deps, policy } = fakeDeps([grant], start);
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    await tryOn.open();
    expect(states).toEqual(['asking-consent', 'starting']);
    expect(errors.map((e) => e.code)).toEqual(['ml_load_failed']);
    expect(host()?.dataset.phase).toBe('failed');
    expect(buttonOf('Try again')).toBe(shadow()?.activeElement);
  });

  it('a lost landmarker context: starting until made again, then live; capture waits', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    pipeline.options().onContext?.({ state: 'lost' });
    expect(states.at(-1)).toBe('starting');
    expect(captureButton().disabled).toBe(true);
    pipeline.options().onContext?.({ state: 'restored' });
    expect(states.slice(-3)).toEqual(['live', 'starting', 'live']);
    expect(captureButton().disabled).toBe(false);
    expect(pipeline.calls).toEqual([]); // the same pipeline goes on
    expect(errors).toEqual([]);
  });

  it('a context that cannot be made again says so, releases the pipeline and offers a retry', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    const error = new FittingRoomError('ml_context_lost', 'gone');
    pipeline.options().onContext?.({ state: 'lost' });
    pipeline.options().onContext?.({ state: 'failed', error });
    await settle();
    expect(states.at(-1)).toBe('starting');
    expect(pipeline.calls).toEqual(['close']);
    expect(errors.map((e) => e.code)).toEqual(['ml_context_lost']);
    expect(host()?.dataset.phase).toBe('failed');
    expect(shadow()?.querySelector('[role=status]')?.textContent).toMatch(/could not restart/);
    buttonOf('Try again').click();
    await settle();
    expect(states.at(-1)).toBe('live');
  });

  it('lost for good during a review: the review goes on, the failure shows on return', async () => {
    const { deps, policy, start, pipeline } = fakeDeps([grant]);
    const { tryOn, states, errors } = tryOnWith(deps, policy);
    start.resolve();
    await tryOn.open();
    captureButton().click();
    await settle();
    expect(states.at(-1)).toBe('reviewing');
    pipeline.options().onContext?.({ state: 'lost' });
    pipeline.options().onContext?.({
      state: 'failed',
      error: new FittingRoomError('ml_context_lost', 'gone'),
    });
    await settle();
    expect(states.at(-1)).toBe('reviewing');
    expect(errors).toEqual([]);
    const reviewHost = shadow()?.querySelector('.review')?.firstElementChild;
    const buttons = [...(reviewHost?.shadowRoot?.querySelectorAll('button') ?? [])];
    buttons.find((b) => b.textContent === 'Retake')?.click();
    await settle();
    expect(states.slice(-3)).toEqual(['reviewing', 'live', 'starting']);
    expect(errors.map((e) => e.code)).toEqual(['ml_context_lost']);
    expect(host()?.dataset.phase).toBe('failed');
  });

  describe('the test-mode badge', () => {
    const badge = () => shadow()?.querySelector<HTMLElement>('.badge') ?? null;

    it('shows when the server says the key is a test key', async () => {
      const { deps, policy, start } = fakeDeps([grant], undefined, { mode: 'test', test: true });
      const { tryOn } = tryOnWith(deps, policy, 'pk_test_shop0001');
      start.resolve();
      await tryOn.open();
      await settle();
      expect(badge()?.hidden).toBe(false);
      expect(badge()?.textContent).toBe('Test mode');
      expect(host()?.dataset.testMode).toBe('true');
    });

    it('stays hidden when the server says live, even for a key named pk_test_', async () => {
      const { deps, policy, start } = fakeDeps([grant], undefined, { mode: 'live' });
      const { tryOn } = tryOnWith(deps, policy, 'pk_test_shop0001');
      start.resolve();
      await tryOn.open();
      await settle();
      expect(badge()?.hidden).toBe(true);
      expect(host()?.dataset.testMode).toBeUndefined();
    });

    it('asks nothing for a key that cannot be a test key, and nothing before consent', async () => {
      let asked = 0;
      const { deps, policy, start, uploads } = fakeDeps([refuse, grant], undefined, {
        mode: 'test',
        test: true,
      });
      uploads.client.keyInfo = async () => {
        asked += 1;
        return { mode: 'test', test: true };
      };
      const refused = tryOnWith(deps, policy, 'pk_test_shop0001');
      await refused.tryOn.open(); // camera refused: no live view, nothing asked
      expect(asked).toBe(0);
      const live = tryOnWith(deps, policy, 'pk_live_shop0001');
      start.resolve();
      await live.tryOn.open();
      await settle();
      expect(asked).toBe(0);
      expect(badge()?.hidden).toBe(true);
    });

    it('a failing key check shows no badge and does not stop the try-on', async () => {
      const { deps, policy, start, uploads } = fakeDeps([grant]);
      uploads.client.keyInfo = async () => {
        throw new Error('offline');
      };
      const { tryOn, states } = tryOnWith(deps, policy, 'pk_test_shop0001');
      start.resolve();
      await tryOn.open();
      await settle();
      expect(states.at(-1)).toBe('live');
      expect(badge()?.hidden).toBe(true);
    });
  });
});
