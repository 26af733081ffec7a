// Proof of consent end to end: the example shop as `npm start` serves it, the real SDK's beacons
// (recordEndpoint) and the real receiver on embedded PostgreSQL (DESIGN §5, §9).
import { describe, expect, it } from 'vitest'
import { useExamples } from './harness.js'
import type { SdkWindow } from './harness.js'

const TOKEN = 'browser-test-admin-token-0123'
process.env.CONSENTRY_ADMIN_TOKEN = TOKEN
const suite = useExamples()

const open = async () => {
  const opened = await suite.visit('/')
  return opened
}
/** The record's id, once the clicked decision is made (a task after the click's paint). */
const recordId = async (page: import('playwright-core').Page) => {
  await expect.poll(() => page.evaluate(() => (window as SdkWindow).consentry.decided)).toBe(true)
  return page.evaluate(() => (window as SdkWindow).consentry.record()!.id)
}
const stored = async (id: string) => {
  const res = await fetch(suite.server.url + 'consent-records/' + id, { headers: { authorization: 'Bearer ' + TOKEN } })
  return res.status == 404
    ? []
    : ((await res.json()) as { method: string; choices: Record<string, boolean>; prevHash: string; hash: string }[])
}

describe('consent records from the example shop', () => {
  it('stores accept all, reject all and a withdrawal as three rows of one chain', async () => {
    const rejecting = await open()
    await rejecting.page
      .getByRole('region', { name: 'Cookie consent' })
      .getByRole('button', { name: 'Reject all' })
      .click()
    const rejected = await recordId(rejecting.page)
    // The first record opens the embedded database, which holds up the server for a moment.
    await expect
      .poll(() => stored(rejected).then((rows) => rows.map((r) => r.method)), { timeout: 60_000 })
      .toEqual(['reject-all'])

    const { page, errors } = await open()
    await page.getByRole('region', { name: 'Cookie consent' }).getByRole('button', { name: 'Accept all' }).click()
    const accepted = await recordId(page)
    await expect.poll(() => stored(accepted).then((rows) => rows.length), { timeout: 20_000 }).toBe(1)
    // Withdraw from the footer link, as a visitor would; the page reloads after a withdrawal.
    await page.getByRole('link', { name: 'Cookie Settings' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.getByRole('switch', { name: 'Analytics' }).click()
    const reloaded = page.waitForEvent('load')
    await dialog.getByRole('button', { name: 'Save settings' }).click()
    await reloaded

    await expect
      .poll(() => stored(accepted).then((rows) => rows.map((r) => r.method)), { timeout: 20_000 })
      .toEqual(['accept-all', 'withdraw'])
    const [first, withdrawal] = await stored(accepted)
    expect([first!.choices.analytics, withdrawal!.choices.analytics, withdrawal!.choices.marketing]).toEqual([
      true,
      false,
      true,
    ])
    const all = await fetch(suite.server.url + 'consent-records/export', {
      headers: { authorization: 'Bearer ' + TOKEN },
    }).then((r) => r.text())
    const rows = all
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; prevHash: string; hash: string })
    expect(rows.map((r) => r.seq).sort()).toEqual([1, 2, 3])
    const bySeq = rows.sort((a, b) => a.seq - b.seq)
    expect([bySeq[1]!.prevHash, bySeq[2]!.prevHash]).toEqual([bySeq[0]!.hash, bySeq[1]!.hash])
    expect(errors).toEqual([])
  }, 120_000)
})
