// The returning visitor: one context loads the page, accepts everything through the library's
// own API and waits until every gated tag has run (so the decision is stored); then a fresh page
// in the same context, with the stored decision and no banner, is the load that is measured.
import { CATEGORIES } from './page.mjs'
import { measureLoad } from './load.mjs'
import { VIEWPORT, tabsIn } from './tabs.mjs'

/** The probe's moment for a returning visitor: every category's gated tag has run. */
export const allTagsRan = `${JSON.stringify(CATEGORIES)}.every((c) => (window.__ran || []).includes(c))`

/** The first visit in `context`: loads `url`, waits for `ready` (the banner), accepts all and waits for every tag. */
export async function acceptFirst(context, url, ready, acceptAll) {
  const first = await context.newPage()
  await first.goto(url)
  await first.waitForFunction(ready, null, { timeout: 30_000, polling: 50 })
  await first.evaluate(acceptAll)
  await first.waitForFunction(allTagsRan, null, { timeout: 30_000, polling: 50 })
  await first.close()
}

/** Like measureLoad, after a first visit in the same context that accepted all. */
export async function measureReturning(browser, url, target, acceptAll, { cpu }) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  await acceptFirst(context, url, target.ready, acceptAll)
  const measured = await measureLoad(
    tabsIn(context),
    url,
    { ...target, ready: allTagsRan, shown: target.ready },
    { cpu },
  )
  await context.close()
  return measured
}
