import type { ConsentReceipt, Purpose } from '@fittingroom/protocol';
import type { FittingRoomError } from '../errors.js';
import type { ConsentStrings, Locale } from '../i18n/types.js';
import type { ResolvedPolicy } from './policy.js';
import type { ConsentUi } from './prompt.js';
import type { PurposeStatus, Signals, UnavailableReason } from './rules.js';
import type { ConsentRecord, ConsentView, WithdrawalEvent } from './types.js';

/** Outcome of {@link Consent.request}. */
export interface ConsentResult {
  /** Requested purposes that are allowed now. */
  readonly granted: readonly Purpose[];
  /** Requested purposes the shopper refused just now. */
  readonly refused: readonly Purpose[];
  /** Requested purposes that could not be offered, and why. */
  readonly unavailable: readonly {
    readonly purpose: Purpose;
    readonly reason: UnavailableReason;
  }[];
  /** The record this request wrote, or null (already decided, dismissed, under age). */
  readonly record: ConsentRecord | null;
  /** True when the UI was shown. */
  readonly asked: boolean;
}

/** A snapshot of consent for the configured policy. */
export interface ConsentStatus {
  readonly policyVersion: string;
  readonly locale: Locale;
  readonly record: ConsentRecord | null;
  readonly purposes: Readonly<Record<Purpose, PurposeStatus>>;
  readonly signals: Signals;
}

/** Events of a {@link Consent}. */
export interface ConsentEvents {
  /** A record was added (grant, refusal or withdrawal). */
  readonly change: ConsentRecord;
  /** The shopper withdrew: stop the camera, purge queues, ask the server to erase. */
  readonly withdraw: WithdrawalEvent;
  /** Something failed without losing the decision (e.g. storage full: it holds for this page). */
  readonly error: FittingRoomError;
}

/** Consent for one policy: the write side (`request`, `withdraw`) plus the {@link ConsentView}. */
export interface Consent extends ConsentView {
  readonly policy: ResolvedPolicy;
  readonly locale: Locale;
  /** The strings in use (shipped text with the retailer's overrides), for other UI parts. */
  readonly strings: ConsentStrings;
  /** Values for `{placeholders}` in `strings`. */
  readonly values: Readonly<Record<string, string | number>>;
  /** Resolves once stored records are read (without creating any storage). */
  ready(): Promise<void>;
  /** Asks for `purposes` if needed (opening the UI) and resolves with the outcome. */
  request(
    purposes: readonly Purpose[],
    options?: { readonly ui?: ConsentUi },
  ): Promise<ConsentResult>;
  /** Where each purpose stands now. */
  status(): Promise<ConsentStatus>;
  /** Withdraws everything, tells every listener, records it; returns what must be erased. */
  withdraw(): Promise<WithdrawalEvent>;
  /** Receipt of the grant that currently applies, or null. */
  receipt(): ConsentReceipt | null;
  /** Every record kept on this device, oldest first (the shopper's own copy). */
  history(): Promise<readonly ConsentRecord[]>;
  /** Subscribes to an event; returns an unsubscribe function. */
  on<K extends keyof ConsentEvents>(
    event: K,
    listener: (payload: ConsentEvents[K]) => void,
  ): () => void;
  /** Closes any open dialog and drops listeners; `allows` is false afterwards. */
  close(): void;
}
