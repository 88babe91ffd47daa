// Consent flow test page. Query: `version` (policy version), `minAge`, `lang` (page language),
// `theme=brand` (custom properties). Exposes `window.consentPage` for the tests.
import { createConsent, createPrivacyControl } from '/packages/sdk/dist/index.js';

const params = new URLSearchParams(location.search);
if (params.get('lang')) document.documentElement.lang = params.get('lang');
if (params.get('theme') === 'brand') document.documentElement.classList.add('brand');

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

const consent = createConsent({
  controller: { name: 'Maison Test', contact: 'privacy@maison.example' },
  policyUrl: `${location.origin}/e2e/pages/consent.html#privacy-policy`,
  policyVersion: params.get('version') ?? '2025-01',
  jurisdiction: 'US-IL',
  storageLocation: 'Frankfurt, Germany',
  ...(params.get('minAge') ? { minAge: Number(params.get('minAge')) } : {}),
});

const log = { results: [], withdrawals: [], cameraErrors: [] };
let stream = null;
// What a camera part does with the withdrawal event (wired for real by the try-on session).
consent.onWithdraw((event) => {
  log.withdrawals.push({ receiptIds: event.receiptIds, action: event.record.action });
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = null;
});

createPrivacyControl({ consent, mount: document.getElementById('privacy') });

document.getElementById('try').addEventListener('click', async () => {
  const result = await consent.request(['camera']);
  log.results.push(result);
  // The camera is asked for only once consent allows it.
  if (!consent.allows('camera')) return;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true });
  } catch (error) {
    log.cameraErrors.push(error.name);
  }
});

document.getElementById('share').addEventListener('click', async () => {
  log.results.push(await consent.request(['upload']));
});

window.consentPage = { consent, log, violations };
document.body.dataset.ready = 'true';
