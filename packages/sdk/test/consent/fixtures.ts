import type { Purpose } from '@fittingroom/protocol';
import { createConsent } from '../../src/consent/consent.js';
import type { ConsentOptions } from '../../src/consent/options.js';
import type { ConsentPolicy } from '../../src/consent/policy.js';
import type { ConsentAnswer, ConsentPrompt, ConsentUi } from '../../src/consent/prompt.js';
import { memoryConsentStore } from '../../src/consent/store.js';

/** A valid policy; tests spread over it to change one thing. */
export const POLICY: ConsentPolicy = {
  controller: { name: 'Maison Test', contact: 'privacy@maison.example' },
  policyUrl: 'https://maison.example/privacy',
  policyVersion: '2025-01',
  jurisdiction: 'US-IL',
  storageLocation: 'Frankfurt, Germany',
};

/** A settable clock. */
export function clock(start = '2025-03-01T10:00:00.000Z') {
  let t = new Date(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = new Date(iso);
    },
    addDays: (days: number) => {
      t = new Date(t.getTime() + days * 86_400_000);
    },
  };
}

/** Sequential UUIDs (valid v4 shape) so records are predictable. */
export function ids() {
  let n = 0;
  return () => {
    n += 1;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

/** A UI fake that records prompts and answers with the next scripted answer. */
export function scriptedUi(...answers: (ConsentAnswer | ((p: ConsentPrompt) => ConsentAnswer))[]) {
  const prompts: ConsentPrompt[] = [];
  const ui: ConsentUi = {
    ask: async (prompt) => {
      prompts.push(prompt);
      const next = answers.shift();
      if (!next) throw new Error('UI asked more often than the test expected');
      return typeof next === 'function' ? next(prompt) : next;
    },
  };
  return { ui, prompts };
}

/** Accepts every offered purpose. */
export const acceptAll = (p: ConsentPrompt): ConsentAnswer => ({
  kind: 'decision',
  granted: p.offered,
  refused: [],
});

/** Refuses every offered purpose (what Escape does). */
export const refuseAll = (p: ConsentPrompt): ConsentAnswer => ({
  kind: 'decision',
  granted: [],
  refused: p.offered,
});

/** Accepts only some purposes. */
export const acceptOnly =
  (...purposes: Purpose[]) =>
  (p: ConsentPrompt): ConsentAnswer => ({
    kind: 'decision',
    granted: p.offered.filter((x) => purposes.includes(x)),
    refused: p.offered.filter((x) => !purposes.includes(x)),
  });

/** A consent controller on an in-memory store with a settable clock; `make` is a reload. */
export function setup(over: Partial<ConsentOptions> = {}, policy: ConsentPolicy = POLICY) {
  const store = memoryConsentStore();
  const time = clock();
  const make = (o: Partial<ConsentOptions> = {}, p: ConsentPolicy = policy) =>
    createConsent(p, {
      store,
      now: time.now,
      randomId: ids(),
      locale: 'en',
      signals: () => ({ gpc: false, dnt: false }),
      ...over,
      ...o,
    });
  return { store, time, make, consent: make() };
}
