// Issue 18 item 4 end to end: a shopper shares a photo on the demo store; the retailer's
// privacy console (the ingest server's /console) signs in with the console password, lists
// that photo, erases the subject by the receipt id the shopper would send by e-mail (the
// shopper's export is then empty), and shows the audit chain verified. Strict CSP, axe clean,
// keyboard only for the console.
import { useDemo } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import {
  answerConsent,
  consentDialog,
  expectAccessible,
  expectNoCspViolations,
  expectTracking,
  installRecorders,
  liveView,
  watchConsole,
} from './journey-support.js';

test.use({ camera: 'hand' });
test.setTimeout(240_000);

const PASSWORD = 'console password for e2e';
const running = useDemo({ consolePassword: PASSWORD });

test.beforeEach(async ({ context }) => {
  await installRecorders(context);
});

interface ExportLike {
  consents: { receipt: { consentReceiptID: string } }[];
  uploads: unknown[];
}
const exportOf = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const fr = (
      window as unknown as {
        FittingRoom: { tryOn(): Promise<{ exportMyData(): Promise<unknown> }> };
      }
    ).FittingRoom;
    return (await (await fr.tryOn()).exportMyData()) as ExportLike | null;
  });

test('the console lists the shared photo, erases its subject by receipt id, verifies the audit chain', async ({
  page,
  context,
}) => {
  const demo = running();
  // The shopper shares a photo of the ring.
  await page.goto(`${demo.storeUrl}/ring.html`);
  await page.getByRole('button', { name: 'Try it on' }).click();
  await answerConsent(page, 'Accept');
  await expectTracking(page);
  const view = liveView(page);
  await view.getByRole('button', { name: 'Take photo' }).click();
  await view.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(consentDialog(page)).toBeVisible();
  await answerConsent(page, 'Accept');
  await expect(view.getByRole('status')).toContainText('Shared', { timeout: 30_000 });
  const before = await exportOf(page);
  expect(before?.uploads).toHaveLength(1);
  const receiptId = before?.consents[0]?.receipt.consentReceiptID ?? '';
  expect(receiptId).toMatch(/^[0-9a-f-]{36}$/);

  // The retailer, in another tab, keyboard only.
  const admin = await context.newPage();
  const csp = watchConsole(admin);
  const response = await admin.goto(`${demo.ingestUrl}/console`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['set-cookie']).toBeUndefined();
  await expectAccessible(admin, 'console sign-in');
  const field = admin.getByLabel('Console password or secret key');
  await field.focus();
  await admin.keyboard.type('not the password');
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('alert')).toContainText('Wrong console password');
  await field.fill('');
  await admin.keyboard.type(PASSWORD);
  await admin.keyboard.press('Enter');
  await expect(admin.getByText('Signed in as console')).toBeVisible();

  const photos = admin.getByRole('table', { name: 'Shared photos, newest first' });
  await expect(photos.getByRole('row', { name: /ring-aurora/ })).toHaveCount(1);
  await expect(photos.getByRole('row', { name: /ring-aurora/ })).toContainText(receiptId);
  await expect(admin.getByText('Chain verified:')).toBeVisible();
  await expect(admin.getByText('30 days, then destroyed')).toBeVisible();
  await expectAccessible(admin, 'console signed in');
  expect(await context.cookies()).toEqual([]);

  // Erasure by receipt id, as on an e-mailed request.
  await admin.getByLabel("Receipt id (from the shopper's request)").fill(receiptId);
  await admin.keyboard.press('Enter');
  await expect(admin.getByText(/1 shared photo, 1 consent/)).toBeVisible();
  const erase = admin.getByRole('button', { name: 'Erase this subject' });
  await erase.focus();
  await admin.keyboard.press('Enter');
  await expect(admin.getByText(/Erased subject .*: 1 photo\(s\) and 1 consent\(s\)/)).toBeVisible();
  // The empty list is an explained empty state, not a table of headers alone.
  await expect(admin.getByText('No shared photos in live mode.')).toBeVisible();
  await expect(admin.getByText(/it appears here with its expiry/)).toBeVisible();
  await expect(photos).toBeHidden();
  await expect(admin.getByText('Chain verified:')).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Audit events, newest first' })).toContainText(
    'retailer_subject_erased',
  );
  await expectAccessible(admin, 'console after erasure');
  await expectNoCspViolations(admin, csp);

  // The shopper's export is now empty.
  expect(await exportOf(page)).toBeNull();
  await page.bringToFront();
  await view.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'My data', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Photos stored on our server: 0' })).toBeVisible();
});
