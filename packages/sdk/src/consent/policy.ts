import { PURPOSES, type Purpose } from '@fittingroom/protocol';
import * as v from 'valibot';
import { parseConfig } from '../validation.js';

/** Who is responsible for the data: the retailer, as named in the notice and on receipts. */
export interface ControllerInfo {
  /** Legal or trading name shown to the shopper. */
  readonly name: string;
  /** How to reach the privacy contact (e-mail address, URL or postal address). */
  readonly contact: string;
  readonly address?: string | undefined;
  readonly email?: string | undefined;
  readonly url?: string | undefined;
}

/** Which browser privacy signals block sharing purposes (`upload`, `product-improvement`). */
export interface SignalPolicy {
  /** Honour Global Privacy Control (default true). */
  readonly gpc?: boolean;
  /** Honour Do Not Track (default true). */
  readonly dnt?: boolean;
}

/** The retailer's privacy policy as the SDK needs it; everything the notice says comes from here. */
export interface ConsentPolicy {
  readonly controller: ControllerInfo;
  /** Absolute http(s) URL of the full privacy policy. */
  readonly policyUrl: string;
  /**
   * The public retention and destruction policy (the ingest server's `/retention-policy`),
   * linked from the notice beside the privacy policy and covered by the notice hash.
   */
  readonly retentionPolicyUrl?: string;
  /** Version label of the policy; a new version asks every shopper again. */
  readonly policyVersion: string;
  /** Jurisdiction the controller operates under, e.g. `US-IL` or `EU`; goes on receipts. */
  readonly jurisdiction: string;
  /** Where shared photos are stored, in plain words (e.g. `Frankfurt, Germany`). */
  readonly storageLocation: string;
  /** Days a shared photo is kept before it is deleted (default 30). */
  readonly retentionDays?: number;
  /** Purposes in use (default `['camera', 'upload']`); `product-improvement` only if listed. */
  readonly purposes?: readonly Purpose[];
  /** Days a decision stands before the shopper is asked again (default 180). */
  readonly consentDays?: number;
  /** When set, the shopper confirms being at least this old before anything else. */
  readonly minAge?: number;
  /** Browser signals honoured for sharing purposes (both on by default). */
  readonly honorSignals?: SignalPolicy;
  /** Service name on receipts (default `Virtual try-on`). */
  readonly serviceName?: string;
}

/** A validated policy with every default filled in. */
export interface ResolvedPolicy {
  readonly controller: ControllerInfo;
  readonly policyUrl: string;
  readonly retentionPolicyUrl: string | null;
  readonly policyVersion: string;
  readonly jurisdiction: string;
  readonly storageLocation: string;
  readonly retentionDays: number;
  /** Declared purposes, deduplicated, in the canonical order of `PURPOSES`. */
  readonly purposes: readonly Purpose[];
  readonly consentDays: number;
  readonly minAge: number | null;
  readonly honorSignals: Required<SignalPolicy>;
  readonly serviceName: string;
}

/** Defaults a retailer gets without saying anything. */
export const POLICY_DEFAULTS = {
  retentionDays: 30,
  consentDays: 180,
  purposes: ['camera', 'upload'] as readonly Purpose[],
  serviceName: 'Virtual try-on',
} as const;

const text = (max: number) =>
  v.pipe(
    v.string('must be a string'),
    v.check((s) => s.trim().length > 0, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const days = (max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number of days'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(max, `must be at most ${max}`),
  );

const httpUrl = v.pipe(
  v.string('must be a string'),
  v.maxLength(2000, 'must be at most 2000 characters'),
  v.check(isHttpUrl, 'must be an absolute http(s) URL'),
);

/**
 * The privacy policy's URL, by one rule for the script tag and the npm package: absolute, or
 * relative to the page it is given on (resolved against the page's base URL in a browser).
 */
const policyUrl = v.pipe(
  v.string('must be a string'),
  v.transform((url) => {
    const base = globalThis.document?.baseURI;
    return base && URL.canParse(url, base) ? new URL(url, base).href : url;
  }),
  v.maxLength(2000, 'must be at most 2000 characters'),
  v.check(isHttpUrl, 'must be an http(s) URL, absolute or relative to the page'),
);

/** The schema of {@link ControllerInfo} (its input type is that interface: test/types). */
export const ControllerSchema = v.strictObject({
  name: text(200),
  contact: text(200),
  address: v.optional(text(500)),
  email: v.optional(text(200)),
  url: v.optional(httpUrl),
});

/** The schema of {@link ConsentPolicy} (its input type is that interface: test/types). */
export const PolicySchema = v.strictObject({
  controller: ControllerSchema,
  policyUrl,
  retentionPolicyUrl: v.optional(policyUrl),
  policyVersion: text(100),
  jurisdiction: text(200),
  storageLocation: text(200),
  retentionDays: v.optional(days(1095)),
  purposes: v.optional(
    v.pipe(
      v.array(v.picklist(PURPOSES, `must be one of ${PURPOSES.join(', ')}`), 'must be an array'),
      v.check((p) => p.includes('camera'), "must include 'camera' (try-on needs it)"),
      v.check(
        (p) => !p.includes('product-improvement') || p.includes('upload'),
        "lists 'product-improvement', which needs 'upload'",
      ),
    ),
  ),
  consentDays: v.optional(days(395)),
  minAge: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number of years'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(99, 'must be at most 99'),
    ),
  ),
  honorSignals: v.optional(
    v.strictObject({
      gpc: v.optional(v.boolean('must be true or false')),
      dnt: v.optional(v.boolean('must be true or false')),
    }),
  ),
  serviceName: v.optional(text(200)),
});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Validates a retailer's policy and fills in defaults.
 * @throws ConfigError naming the first offending field, e.g. `policy.controller.name`.
 */
export function resolvePolicy(input: unknown): ResolvedPolicy {
  const p = parseConfig(PolicySchema, input, 'policy');
  const declared = new Set(p.purposes ?? POLICY_DEFAULTS.purposes);
  return {
    controller: { ...p.controller },
    policyUrl: p.policyUrl,
    retentionPolicyUrl: p.retentionPolicyUrl ?? null,
    policyVersion: p.policyVersion,
    jurisdiction: p.jurisdiction,
    storageLocation: p.storageLocation,
    retentionDays: p.retentionDays ?? POLICY_DEFAULTS.retentionDays,
    purposes: PURPOSES.filter((purpose) => declared.has(purpose)),
    consentDays: p.consentDays ?? POLICY_DEFAULTS.consentDays,
    minAge: p.minAge ?? null,
    honorSignals: { gpc: p.honorSignals?.gpc ?? true, dnt: p.honorSignals?.dnt ?? true },
    serviceName: p.serviceName ?? POLICY_DEFAULTS.serviceName,
  };
}
