/** Steps the VideoSDK, leak and demo specs share. */
import { expect, type Page } from '@playwright/test';

/** Opens the Meetings view and returns the VideoSDK region. */
export async function openVideoSdk(page: Page) {
  await page.getByRole('button', { name: 'Meetings', pressed: false }).click();
  const region = page.getByRole('region', { name: 'VideoSDK' });
  await expect(region).toBeVisible();
  return region;
}

/** Back to the calls. */
export async function closeMeetings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Meetings', pressed: true }).click();
}
