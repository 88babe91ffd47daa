export { type ConsentDialog, type ConsentDialogOptions, createConsentDialog } from './dialog.js';
export {
  createPrivacyControl,
  type PrivacyControl,
  type PrivacyControlOptions,
} from './privacy-control.js';
export { adoptStyles, CONSENT_CSS } from './styles.js';
