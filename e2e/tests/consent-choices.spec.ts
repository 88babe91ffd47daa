import { expect, test } from '../support/fixtures.js';
import { EMPTY_STORAGE, readMediaProbe, readStorage } from '../support/probes.js';
import { accept, control, cspViolations, dialog, openPage } from './consent-page.js';

// No camera device: these flows must never need one.
test.use({ camera: 'none' });

test.describe('consent choices', () => {
  test('Global Privacy Control: sharing is unavailable and the dialog says why', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });
    });
    await openPage(page);
    await page.getByRole('button', { name: 'Share a photo' }).click();
    await expect(dialog(page)).toContainText('Global Privacy Control');
    await expect(dialog(page).getByRole('button')).toHaveText(['Close']);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
    // The camera is still offered: it never leaves the device.
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page).getByRole('button', { name: 'Accept' })).toBeVisible();
  });

  test('age gate: below the minimum age the camera is never offered and nothing is kept', async ({
    page,
  }) => {
    await openPage(page, '?minAge=18');
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page).getByRole('heading')).toHaveText('Before we start');
    await expect(dialog(page)).toContainText('Are you 18 or older?');
    await dialog(page).getByRole('button', { name: 'No' }).click();
    await expect(dialog(page)).toContainText('only for people aged 18 or older');
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page).getByRole('button', { name: 'Accept' })).toHaveCount(0);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    expect((await readMediaProbe(page)).gumCalls).toBe(0);
    expect(await readStorage(page)).toEqual(EMPTY_STORAGE);
  });

  test('speaks the page language and takes the retailer theme under a strict CSP', async ({
    page,
  }) => {
    await openPage(page, '?lang=fr&theme=brand');
    await page.getByRole('button', { name: 'Try it on' }).click();
    await expect(dialog(page).getByRole('heading', { level: 2 })).toHaveText(
      'Votre vie privée pendant l’essayage virtuel',
    );
    const accept = dialog(page).getByRole('button', { name: 'Accepter' });
    const refuse = dialog(page).getByRole('button', { name: 'Refuser' });
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.minHeight].join(' ');
    };
    // Equally prominent: the same computed look; coloured by the retailer's custom property.
    expect(await accept.evaluate(look)).toBe(await refuse.evaluate(look));
    expect(await accept.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(90, 31, 107)',
    );
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the shopper can download a Kantara receipt', async ({ page }) => {
    await openPage(page);
    await page.getByRole('button', { name: 'Try it on' }).click();
    await accept(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      control(page).getByRole('button', { name: 'Download my consent receipt' }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const receipt = JSON.parse(await readFile(path, 'utf8'));
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'US-IL',
      sensitive: true,
      spiCat: ['biometric'],
      policyVersion: '2025-01',
      piiControllers: [{ piiController: 'Maison Test' }],
    });
    expect(receipt.services[0].purposes[0]).toMatchObject({
      purpose: 'camera',
      thirdPartyDisclosure: false,
    });
  });
});
