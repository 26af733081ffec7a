import { patternsOf } from '../blocker/patterns'
import type { NormalizedConfig } from '../types'
import type { Vendor } from '../vendors/types'
import { siteOf, withoutQueryValues } from './siteOf'
import { STATES } from './types'
import type { CookieEntry, Declared, Leak, PageReport, RequestEntry, State, StorageEntry, Undeclared } from './types'
import { vendorFor } from './vendorFor'
import type { PageVisit } from './visitPage'

/** States in which anything not necessary must be absent. */
const BEFORE_CONSENT: readonly State[] = ['none', 'rejected']

/** Groups `items` by `keyOf`, keeping the first of each and the states all of them were seen in. */
function merge<T extends { state: State }>(items: T[], keyOf: (item: T) => string): { first: T; states: State[] }[] {
  const groups = new Map<string, { first: T; seen: Set<State> }>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key) ?? { first: item, seen: new Set<State>() }
    group.seen.add(item.state)
    groups.set(key, group)
  }
  return [...groups.values()].map(({ first, seen }) => ({ first, states: STATES.filter((s) => seen.has(s)) }))
}

/** The consent key whose `field` entries match `value`, or null. */
function declarer(config: NormalizedConfig | null, field: 'block' | 'cookies' | 'storage') {
  const tests = config ? patternsOf(config, field, field != 'block') : []
  return (value: string): Declared => tests.find(([, test]) => test(value))?.[0] ?? null
}

/**
 * Judges one page: what it requested and stored in each state, which of it leaked (anything
 * not necessary before a decision or after "Reject all"; on a page without Consentry,
 * anything third-party or stored before any interaction), and what no category names.
 */
export function analysePage(visit: PageVisit, vendors: readonly Vendor[]): PageReport {
  const { config } = visit
  const site = siteOf(new URL(visit.url).hostname)
  const thirdParty = (host: string) => siteOf(host.replace(/^\./, '')) != site
  const seen = (states: State[], declared: Declared, vendor: Vendor | undefined) => ({
    states,
    firstSeen: states[0]!,
    declared,
    vendor: vendor?.id ?? null,
  })

  const blockedBy = declarer(config, 'block')
  const requests: RequestEntry[] = merge(visit.requests, (r) => withoutQueryValues(r.url)).map(({ first, states }) => {
    const url = withoutQueryValues(first.url)
    const initiator = visit.requests.find((r) => r.url == first.url && r.initiator)?.initiator
    return {
      url,
      host: new URL(url).hostname,
      type: first.type,
      thirdParty: thirdParty(new URL(url).hostname),
      initiator: initiator ? withoutQueryValues(initiator) : null,
      ...seen(states, blockedBy(first.url), vendorFor(vendors, 'block', first.url)),
    }
  })

  const cookieDeclarer = declarer(config, 'cookies')
  const cookies: CookieEntry[] = merge(visit.cookies, ({ cookie: c }) => `${c.name} ${c.domain} ${c.path}`).map(
    ({ first, states }) => {
      const { cookie } = first
      const sdk = !!config && cookie.name == config.cookie.name && !thirdParty(cookie.domain)
      const setByUrl = visit.cookies.find(
        (c) => c.cookie.name == cookie.name && c.cookie.domain == cookie.domain && c.setByUrl,
      )?.setByUrl
      return {
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        lifetime: cookie.expires < 0 ? null : Math.max(0, Math.round(cookie.expires - first.seenAt)),
        httpOnly: cookie.httpOnly,
        secure: cookie.secure,
        sameSite: cookie.sameSite,
        setBy: setByUrl ? 'server' : 'script',
        setByUrl: setByUrl ? withoutQueryValues(setByUrl) : null,
        thirdParty: thirdParty(cookie.domain),
        sdk,
        ...seen(states, sdk ? 'necessary' : cookieDeclarer(cookie.name), vendorFor(vendors, 'cookies', cookie.name)),
      }
    },
  )

  const storageDeclarer = declarer(config, 'storage')
  const storage: StorageEntry[] = merge(visit.storage, (s) => `${s.type} ${s.origin} ${s.name}`).map(
    ({ first, states }) => ({
      type: first.type,
      origin: first.origin,
      name: first.name,
      thirdParty: thirdParty(new URL(first.origin).hostname),
      ...seen(states, storageDeclarer(first.name), vendorFor(vendors, 'storage', first.name)),
    }),
  )

  // Without Consentry nothing is declared necessary and only the first load counts.
  const offending = (states: State[], declared: Declared) =>
    declared == 'necessary' ? [] : states.filter((s) => (config ? BEFORE_CONSENT : ['none']).includes(s))
  const leaks: Leak[] = []
  const leak = (kind: Leak['kind'], name: string, where: string, entry: RequestEntry | CookieEntry | StorageEntry) => {
    const states = offending(entry.states, entry.declared)
    if (states.length)
      leaks.push({ kind, name, where, states, declared: entry.declared, vendor: entry.vendor, pages: [visit.url] })
  }
  for (const r of requests) if (r.thirdParty) leak('request', r.url, r.host, r)
  for (const c of cookies) leak('cookie', c.name, c.domain, c)
  for (const s of storage) leak('storage', s.name, `${s.type} ${s.origin}`, s)

  const undeclared: Undeclared[] = []
  const add = (kind: Undeclared['kind'], name: string, vendor: string | null) => {
    if (!undeclared.some((u) => u.kind == kind && u.name == name))
      undeclared.push({ kind, name, vendor, pages: [visit.url] })
  }
  for (const r of requests) {
    const declaredHost = requests.some((other) => other.host == r.host && other.declared)
    if (r.thirdParty && !declaredHost)
      add('host', r.host, requests.find((other) => other.host == r.host && other.vendor)?.vendor ?? null)
  }
  for (const c of cookies) if (!c.declared) add('cookie', c.name, c.vendor)
  for (const s of storage) if (!s.declared) add('storage', s.name, s.vendor)

  return {
    url: visit.url,
    status: visit.status,
    error: visit.error,
    consentry: config
      ? { found: true, revision: config.revision, cookie: config.cookie.name, decisionKept: visit.decisionKept }
      : { found: false },
    requests,
    cookies,
    storage,
    leaks,
    undeclared,
  }
}
