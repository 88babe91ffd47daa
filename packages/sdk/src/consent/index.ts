// `@fittingroom/sdk/consent`: the consent record, its pure rules, stores, notice and dialog.

export {
  type ConsentDialog,
  type ConsentDialogOptions,
  createConsentDialog,
  createPrivacyControl,
  type PrivacyControl,
  type PrivacyControlOptions,
} from '../ui/consent-dialog/index.js';
export type { Consent, ConsentEvents, ConsentResult, ConsentStatus } from './api.js';
export { createConsent } from './consent.js';
export {
  buildNotice,
  type Notice,
  type NoticePurpose,
  noticeLines,
  noticeText,
  sha256Hex,
} from './notice.js';
export type { ConsentOptions } from './options.js';
export {
  type ConsentPolicy,
  type ControllerInfo,
  POLICY_DEFAULTS,
  type ResolvedPolicy,
  resolvePolicy,
  type SignalPolicy,
} from './policy.js';
export type { ConsentAnswer, ConsentPrompt, ConsentUi } from './prompt.js';
export { toReceipt } from './record.js';
export {
  allows,
  type DenialReason,
  denialReason,
  isValidFor,
  needsAsking,
  type PurposeStatus,
  planRequest,
  type Signals,
  type UnavailableReason,
} from './rules.js';
export { readBrowserSignals } from './signals.js';
export { type ConsentStore, idbConsentStore, memoryConsentStore } from './store.js';
export type { ConsentAction, ConsentRecord, ConsentView, WithdrawalEvent } from './types.js';
