import type { Purpose } from '@fittingroom/protocol';
import type { ConsentStrings, Locale } from '../i18n/types.js';
import type { Notice } from './notice.js';
import type { UnavailableReason } from './rules.js';

/** What the consent UI is asked to show. Plain data: any UI (or a test fake) can answer it. */
export interface ConsentPrompt {
  readonly locale: Locale;
  /** Resolved strings (retailer overrides applied), for the non-notice parts of the UI. */
  readonly strings: ConsentStrings;
  /** Values for `{placeholders}` in `strings`. */
  readonly values: Readonly<Record<string, string | number>>;
  /** The notice to render, word for word (its text is what the record's hash covers). */
  readonly notice: Notice;
  /** Purposes to ask about now; nothing is pre-selected. May be empty (nothing to ask). */
  readonly offered: readonly Purpose[];
  /** Declared purposes already allowed (shown as such, not asked again). */
  readonly allowed: readonly Purpose[];
  /** Purposes that cannot be offered, and why; the UI says why. */
  readonly unavailable: readonly {
    readonly purpose: Purpose;
    readonly reason: UnavailableReason;
  }[];
  /** When set, ask "are you at least this old?" before anything else. */
  readonly minAge: number | null;
}

/** What the shopper answered. */
export type ConsentAnswer =
  /** Accept (with the purposes ticked) or Refuse/Escape (nothing granted). */
  | {
      readonly kind: 'decision';
      readonly granted: readonly Purpose[];
      readonly refused: readonly Purpose[];
    }
  /** The shopper said they are younger than `minAge`. */
  | { readonly kind: 'underage' }
  /** Closed without a decision (nothing to decide, age question dismissed, or closed by code). */
  | { readonly kind: 'dismissed' };

/** A consent UI: shows a prompt, resolves with the answer, and closes itself when `signal` aborts. */
export interface ConsentUi {
  ask(prompt: ConsentPrompt, signal: AbortSignal): Promise<ConsentAnswer>;
}
