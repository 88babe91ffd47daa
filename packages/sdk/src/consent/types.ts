import type { ConsentReceipt, Purpose } from '@fittingroom/protocol';

/** What the shopper did: each action is its own record; nothing is ever edited in place. */
export type ConsentAction = 'grant' | 'refuse' | 'withdraw';

/**
 * One consent decision, as kept on the shopper's device. A grant covers the listed purposes for
 * one policy version and one exact notice text, until `expiresAt`.
 */
export interface ConsentRecord {
  /** UUID; also the id of the receipt derived from it. */
  readonly id: string;
  readonly action: ConsentAction;
  readonly policyVersion: string;
  /** Purposes granted by this record (empty for refuse and withdraw). */
  readonly purposes: readonly Purpose[];
  /** Purposes explicitly refused (or withdrawn) by this record. */
  readonly refused: readonly Purpose[];
  /** ISO 8601 time of the shopper's action. */
  readonly timestamp: string;
  /** BCP 47 locale of the notice shown. */
  readonly locale: string;
  /** SHA-256 (hex) of the exact notice text shown. */
  readonly noticeHash: string;
  readonly method: 'button';
  /** ISO 8601 time after which the shopper is asked again. */
  readonly expiresAt: string;
}

/** Emitted when the shopper withdraws: every part (camera, ML, upload queue) obeys it. */
export interface WithdrawalEvent {
  /** The withdrawal record itself. */
  readonly record: ConsentRecord;
  /** Receipt ids whose server-side data must be erased. */
  readonly receiptIds: readonly string[];
}

/**
 * The read side of consent that other parts are handed explicitly (never read from a global):
 * the camera, the landmarker and the upload client check it and obey its withdrawal event.
 */
export interface ConsentView {
  /**
   * The record that describes the shopper's state under the configured policy: the standing
   * grant (it lists every purpose allowed, earlier grants carried over), else the latest record
   * of this version or withdrawal; null when the shopper has not acted.
   */
  readonly record: ConsentRecord | null;
  /** True when the latest record permits `purpose` at `now`. */
  allows(purpose: Purpose, now?: Date): boolean;
  /** Kantara receipt of the latest grant, or null. */
  receipt(): ConsentReceipt | null;
  /** Calls `listener` on withdrawal; returns an unsubscribe function. */
  onWithdraw(listener: (event: WithdrawalEvent) => void): () => void;
}
