import { PURPOSES, type Purpose } from '@fittingroom/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../src/consent/policy.js';
import { createRecord } from '../../src/consent/record.js';
import {
  allows,
  blockingSignal,
  carryOver,
  denialReason,
  isValidFor,
  needsAsking,
  planRequest,
  type RuleContext,
  receiptsToErase,
  stateRecord,
} from '../../src/consent/rules.js';
import type { ConsentAction, ConsentRecord } from '../../src/consent/types.js';
import { POLICY } from './fixtures.js';

const HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);
const T0 = new Date('2025-03-01T10:00:00.000Z');
const DAY = 86_400_000;
const full = resolvePolicy({ ...POLICY, purposes: ['camera', 'upload', 'product-improvement'] });

function ctx(over: Partial<RuleContext> = {}): RuleContext {
  return {
    policy: full,
    now: T0,
    signals: { gpc: false, dnt: false },
    noticeHashes: new Map([['en', HASH]]),
    ...over,
  };
}

let n = 0;
function rec(
  action: ConsentAction,
  granted: Purpose[] = [],
  refused: Purpose[] = [],
  over: { at?: Date; version?: string; hash?: string; locale?: string } = {},
): ConsentRecord {
  n += 1;
  return createRecord({
    id: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
    action,
    policy: over.version ? { ...full, policyVersion: over.version } : full,
    granted,
    refused,
    at: over.at ?? T0,
    locale: over.locale ?? 'en',
    noticeHash: over.hash ?? HASH,
  });
}

describe('a grant is valid for a purpose only when…', () => {
  const grant = rec('grant', ['camera', 'upload']);

  it('the purpose was granted and declared', () => {
    expect(isValidFor(grant, 'camera', ctx())).toBe(true);
    expect(isValidFor(grant, 'product-improvement', ctx())).toBe(false);
    const narrow = ctx({ policy: resolvePolicy({ ...POLICY, purposes: ['camera'] }) });
    expect(isValidFor(grant, 'upload', narrow)).toBe(false);
    expect(denialReason([grant], 'upload', narrow)).toBe('undeclared');
  });

  it('the policy version is the current one', () => {
    const newer = ctx({ policy: { ...full, policyVersion: '2025-06' } });
    expect(isValidFor(grant, 'camera', newer)).toBe(false);
    expect(denialReason([grant], 'camera', newer)).toBe('policy-changed');
    expect(needsAsking([grant], 'camera', newer)).toBe(true);
  });

  it('the notice shown is word for word the notice of today, in the record’s language', () => {
    expect(isValidFor(grant, 'camera', ctx({ noticeHashes: new Map([['en', OTHER_HASH]]) }))).toBe(
      false,
    );
    expect(denialReason([grant], 'camera', ctx({ noticeHashes: new Map() }))).toBe(
      'notice-changed',
    );
    const fr = rec('grant', ['camera'], [], { locale: 'fr', hash: OTHER_HASH });
    const both = ctx({
      noticeHashes: new Map([
        ['en', HASH],
        ['fr', OTHER_HASH],
      ]),
    });
    expect(isValidFor(fr, 'camera', both)).toBe(true);
  });

  it('it has not expired (property: valid exactly before expiresAt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), (offset) => {
        const now = new Date(T0.getTime() + offset);
        const valid = isValidFor(grant, 'camera', ctx({ now }));
        expect(valid).toBe(now.getTime() < T0.getTime() + full.consentDays * DAY);
        if (!valid) expect(denialReason([grant], 'camera', ctx({ now }))).toBe('expired');
      }),
    );
  });

  it('no honoured signal blocks it (property over signals and settings)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (gpc, dnt, hg, hd) => {
        const policy = { ...full, honorSignals: { gpc: hg, dnt: hd } };
        const c = ctx({ policy, signals: { gpc, dnt } });
        const all = rec('grant', ['camera', 'upload', 'product-improvement']);
        const blocked = (hg && gpc) || (hd && dnt);
        expect(isValidFor(all, 'camera', c)).toBe(true);
        expect(blockingSignal('camera', { gpc, dnt }, policy.honorSignals)).toBeNull();
        for (const p of ['upload', 'product-improvement'] as const) {
          expect(isValidFor(all, p, c)).toBe(!blocked);
          expect(denialReason([all], p, c)).toBe(blocked ? (hg && gpc ? 'gpc' : 'dnt') : null);
        }
      }),
    );
  });
});

describe('the state of a log', () => {
  it('is "not-asked" for an empty log', () => {
    expect(stateRecord([], ctx())).toBeNull();
    for (const p of PURPOSES) expect(denialReason([], p, ctx())).toBe('not-asked');
  });

  it('reports refusals and withdrawals', () => {
    const refusal = rec('refuse', [], ['camera']);
    expect(denialReason([refusal], 'camera', ctx())).toBe('refused');
    const log = [rec('grant', ['camera']), rec('withdraw', [], [...PURPOSES])];
    expect(denialReason(log, 'camera', ctx())).toBe('withdrawn');
    expect(receiptsToErase([...log, rec('grant', ['camera'])])).toEqual([]);
  });

  it('keeps a standing grant as the state when a later refusal concerns other purposes', () => {
    const grant = rec('grant', ['camera']);
    const log = [grant, rec('refuse', [], ['upload'])];
    expect(stateRecord(log, ctx())).toBe(grant);
    expect(allows(log, 'camera', ctx())).toBe(true);
    expect(denialReason(log, 'upload', ctx())).toBe('refused');
  });

  it('lets a later grant after a withdrawal count again', () => {
    const log = [
      rec('grant', ['camera']),
      rec('withdraw', [], [...PURPOSES]),
      rec('grant', ['upload']),
    ];
    expect(allows(log, 'upload', ctx())).toBe(true);
    expect(allows(log, 'camera', ctx())).toBe(false);
  });

  it('property: allowed ⇔ the state record is a standing grant listing it', () => {
    const action = fc.constantFrom<ConsentAction>('grant', 'refuse', 'withdraw');
    const purposes = fc.subarray([...PURPOSES]);
    const entry = fc.record({
      action,
      purposes,
      day: fc.integer({ min: 0, max: 500 }),
      version: fc.constantFrom('2025-01', '2024-01'),
      hash: fc.constantFrom(HASH, OTHER_HASH),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 8 }),
        fc.integer({ min: 0, max: 900 }),
        (entries, today) => {
          const sorted = [...entries].sort((a, b) => a.day - b.day);
          const log = sorted.map((e) =>
            rec(
              e.action,
              e.action === 'grant' ? e.purposes : [],
              e.action === 'grant' ? [] : e.purposes,
              {
                at: new Date(T0.getTime() + e.day * DAY),
                version: e.version,
                hash: e.hash,
              },
            ),
          );
          const c = ctx({ now: new Date(T0.getTime() + today * DAY) });
          const lastWithdraw = log.findLastIndex((r) => r.action === 'withdraw');
          const grant = log
            .slice(lastWithdraw + 1)
            .findLast((r) => r.action === 'grant' && r.policyVersion === '2025-01');
          for (const p of PURPOSES) {
            const expected =
              grant?.purposes.includes(p) === true &&
              grant.noticeHash === HASH &&
              Date.parse(grant.expiresAt) > c.now.getTime();
            expect(allows(log, p, c)).toBe(expected);
            expect(denialReason(log, p, c) === null).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('planRequest', () => {
  const agePolicy = { ...full, minAge: 18 };

  it('asks only what is not yet allowed, and nothing when all is allowed', () => {
    const log = [rec('grant', ['camera'])];
    expect(planRequest(['camera'], log, ctx(), 'unknown')).toEqual({
      allowed: ['camera'],
      ask: [],
      unavailable: [],
      askAge: false,
    });
    expect(planRequest(['upload', 'camera'], log, ctx(), 'unknown').ask).toEqual(['upload']);
  });

  it('marks signal-blocked purposes unavailable instead of asking', () => {
    const plan = planRequest(
      ['camera', 'upload'],
      [],
      ctx({ signals: { gpc: true, dnt: false } }),
      'unknown',
    );
    expect(plan.ask).toEqual(['camera']);
    expect(plan.unavailable).toEqual([{ purpose: 'upload', reason: 'gpc' }]);
  });

  it('age gate: asked first when minAge is set and something is to be asked (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('unknown', 'confirmed', 'under' as const),
        fc.subarray([...PURPOSES], { minLength: 1 }),
        fc.boolean(),
        (age, requested, withMinAge) => {
          const c = ctx({ policy: withMinAge ? agePolicy : full });
          const plan = planRequest(requested, [], c, age);
          if (withMinAge && age === 'under') {
            expect(plan.ask).toEqual([]);
            expect(plan.unavailable.every((u) => u.reason === 'age')).toBe(true);
            expect(plan.unavailable).toHaveLength(requested.length);
          } else {
            expect(plan.ask).toHaveLength(requested.length);
          }
          expect(plan.askAge).toBe(withMinAge && age === 'unknown');
        },
      ),
    );
  });

  it('never offers the camera below the minimum age', () => {
    const c = ctx({ policy: agePolicy });
    expect(needsAsking([], 'camera', c, 'under')).toBe(false);
    expect(planRequest(['camera'], [], c, 'under').unavailable).toEqual([
      { purpose: 'camera', reason: 'age' },
    ]);
  });
});

describe('carryOver and receiptsToErase', () => {
  it('carries standing purposes into a new grant without outliving them', () => {
    const early = rec('grant', ['camera'], [], { at: new Date(T0.getTime() - 100 * DAY) });
    const carried = carryOver([early], ['upload'], ctx());
    expect(carried).toEqual({ purposes: ['camera'], notAfter: early.expiresAt });
    expect(carryOver([early], ['camera'], ctx())).toEqual({ purposes: [], notAfter: null });
    const expired = ctx({ now: new Date(T0.getTime() + 200 * DAY) });
    expect(carryOver([early], ['upload'], expired)).toEqual({ purposes: [], notAfter: null });
  });

  it('lists grants that sent data off the device since the last withdrawal', () => {
    const a = rec('grant', ['camera']);
    const b = rec('grant', ['camera', 'upload']);
    const c = rec('grant', ['product-improvement', 'upload']);
    expect(receiptsToErase([a, b, rec('refuse', [], ['upload']), c])).toEqual([b.id, c.id]);
    expect(receiptsToErase([b, rec('withdraw', [], [...PURPOSES]), c])).toEqual([c.id]);
  });
});
