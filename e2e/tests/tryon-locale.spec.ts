import { expect, test } from '../support/fixtures.js';
import { gotoTryOn } from '../support/tryon.js';

// The try-on texts load per locale after consent (one chunk per language): the live view must
// come up in the shopper's language, camera errors included. A refused camera keeps ML out.
test.use({ camera: 'denied' });

test('the live view speaks the configured language', async ({ page }) => {
  await gotoTryOn(page, { product: 'ring', lang: 'fr' });
  await page.getByRole('button', { name: 'Try it on' }).click();
  await page.getByRole('button', { name: 'Accepter', exact: true }).click();
  const view = page.getByRole('dialog', { name: 'Essayage virtuel' });
  await expect(view).toBeVisible({ timeout: 30_000 });
  await expect(view).toContainText('L’accès à la caméra est bloqué', { timeout: 30_000 });
  await expect(view).toContainText('traitée uniquement sur cet appareil');
  // A failure offers a retry in place of the capture button, in the same language; a blocked
  // camera offers a photo instead, focused (photo mode needs no camera).
  await expect(view.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  await expect(view.getByRole('button', { name: 'Utiliser une photo' })).toBeFocused();
  await expect(view.getByRole('button', { name: 'Prendre une photo' })).toHaveCount(0);
  await view.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.locator('[data-fittingroom=tryon]')).toHaveCount(0);
});
