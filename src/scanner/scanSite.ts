import type { Browser } from 'playwright-core'
import type { Vendor } from '../vendors/types'
import { analysePage } from './analysePage'
import { siteOf } from './siteOf'
import type { PageReport, ScanOptions } from './types'
import { visitPage } from './visitPage'

/** Links to files that are not pages: not worth three browser contexts. */
const NOT_A_PAGE = /\.(?:pdf|zip|gz|png|jpe?g|gif|webp|avif|svg|ico|mp[34]|webm|mov|css|js|mjs|json|xml|txt|woff2?)$/i

const withoutHash = (url: string) => url.split('#')[0]!

export interface SiteScan {
  pages: PageReport[]
  /** Set when a start URL could not be scanned. */
  error: string | null
}

/**
 * Scans each start URL and the same-site pages its links lead to, breadth first, up to
 * `options.pages` pages per start URL; a page is visited once however often it is linked.
 */
export async function scanSite(
  browser: Browser,
  options: ScanOptions,
  vendors: readonly Vendor[],
  progress?: (url: string) => void,
): Promise<SiteScan> {
  const pages: PageReport[] = []
  const visited = new Set<string>()
  for (const start of options.urls.map(withoutHash)) {
    const site = siteOf(new URL(start).hostname)
    const queue = [start]
    for (let count = 0; queue.length && count < options.pages; ) {
      const url = queue.shift()!
      if (visited.has(url)) continue
      visited.add(url)
      count++
      progress?.(url)
      const visit = await visitPage(browser, url, options.wait)
      if (visit.error && url == start) return { pages, error: visit.error }
      pages.push(analysePage(visit, vendors))
      for (const link of visit.links) {
        const next = withoutHash(link)
        const parsed = new URL(next)
        const follow =
          /^https?:$/.test(parsed.protocol) && siteOf(parsed.hostname) == site && !NOT_A_PAGE.test(parsed.pathname)
        if (follow && !visited.has(next) && !queue.includes(next)) queue.push(next)
      }
    }
  }
  return { pages, error: null }
}
