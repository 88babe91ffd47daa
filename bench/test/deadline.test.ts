import { describe, expect, it } from 'vitest';
import { StepTimeout, withDeadline } from '../src/deadline.js';

const never = new Promise<never>(() => {});

describe('withDeadline', () => {
  it('fails a step that never ends, naming it and what was seen', async () => {
    const run = withDeadline('face: SDK landmarker', 20, never, async () => 'video paused');
    await expect(run).rejects.toThrow(StepTimeout);
    await expect(run).rejects.toThrow('face: SDK landmarker did not finish in 20 ms; video paused');
  });

  it('still names the step when the page cannot say what it was doing', async () => {
    const run = withDeadline('hand: load', 20, never, () => Promise.reject(new Error('closed')));
    await expect(run).rejects.toThrow('hand: load did not finish in 20 ms; state unknown');
  });

  it('returns what a step gives in time, and passes its own failure through', async () => {
    await expect(withDeadline('quick', 10_000, Promise.resolve(7))).resolves.toBe(7);
    const failing = withDeadline('broken', 10_000, Promise.reject(new Error('no model')));
    await expect(failing).rejects.toThrow('no model');
  });
});
