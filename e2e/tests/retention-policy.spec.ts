// Issue 18 item 5 end to end: the demo store's consent notice links to the ingest server's
// public retention and destruction policy (data-retention-policy-url), and that page renders
// in each of the SDK's five locales under its strict CSP (no script at all), axe clean.
import { useDemo } from '../support/demo.js';
import { expect, test } from '../support/fixtures.js';
import {
  consentDialog,
  expectAccessible,
  expectNoCspViolations,
  installRecorders,
  watchConsole,
} from './journey-support.js';

test.setTimeout(120_000);

const LOCALES = ['en', 'fr', 'de', 'es', 'hi'] as const;

const running = useDemo();

test.beforeEach(async ({ context }) => {
  await installRecorders(context);
});

test('the notice links to the public retention policy, which renders in every locale', async ({
  page,
  context,
}) => {
  const demo = running();
  await page.goto(`${demo.storeUrl}/ring.html`);
  await page.getByRole('button', { name: 'Try it on' }).click();
  const dialog = consentDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Details' }).click();
  const link = dialog.getByRole('link', {
    name: 'How long photos are kept and how they are destroyed',
  });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toBe(`${demo.ingestUrl}/retention-policy`);
  await expectAccessible(page, 'consent notice with the retention policy link');

  // The link opens the page in a new tab, in the store page's language.
  const [policy] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await policy.waitForLoadState();
  expect(policy.url()).toBe(href);
  await expect(policy.locator('html')).toHaveAttribute('lang', 'en');
  await expect(policy.getByRole('heading', { level: 1 })).toContainText('Retention');
  await expect(policy.getByText('Lumen & Loop Ltd').first()).toBeVisible();

  const titles = new Set<string>();
  for (const locale of LOCALES) {
    const csp = watchConsole(policy);
    const response = await policy.goto(`${href}?lang=${locale}`);
    const headers = response?.headers() ?? {};
    expect(headers['content-language']).toBe(locale);
    const header = headers['content-security-policy'] ?? '';
    expect(header).toContain("default-src 'none'");
    expect(header).not.toContain('unsafe-inline');
    expect(header).not.toContain('script-src');
    await expect(policy.locator('html')).toHaveAttribute('lang', locale);
    const title = (await policy.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(title.trim()).not.toBe('');
    titles.add(title);
    // The page's only style is allowed by its hash: it applies (a blocked one would not).
    expect(await policy.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
    await expect(policy.getByRole('navigation', { name: 'Language' })).toBeVisible();
    await expectAccessible(policy, `retention policy (${locale})`);
    await expectNoCspViolations(policy, csp);
  }
  expect(titles.size).toBe(LOCALES.length);
});
