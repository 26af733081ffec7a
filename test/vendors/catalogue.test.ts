import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as catalogue from '../../src/vendors'
import { vendors, type Vendor } from '../../src/vendors'
import { pattern } from '../../src/config/checks'

let warnings: string[]
beforeEach(() => {
  warnings = []
  vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m))
})
afterEach(() => vi.restoreAllMocks())

const camel = (id: string) => id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())
const isHttps = (url: string) => {
  try {
    return new URL(url).protocol == 'https:'
  } catch {
    return false
  }
}
const REQUIRED = [
  'google-analytics',
  'google-tag-manager',
  'google-ads',
  'doubleclick',
  'meta-pixel',
  'linkedin-insight',
  'tiktok-pixel',
  'x-pixel',
  'pinterest-tag',
  'reddit-pixel',
  'microsoft-uet',
  'microsoft-clarity',
  'hotjar',
  'fullstory',
  'logrocket',
  'mixpanel',
  'posthog',
  'segment',
  'amplitude',
  'heap',
  'matomo-cloud',
  'plausible',
  'sentry-replay',
  'datadog-rum',
  'hubspot',
  'intercom',
  'drift',
  'crisp',
  'zendesk',
  'tawk-to',
  'youtube',
  'vimeo',
  'google-maps',
  'spotify-embed',
  'soundcloud',
  'twitter-embed',
  'instagram-embed',
  'calendly',
  'typeform',
  'recaptcha',
]

describe('the vendor catalogue', () => {
  it('has every vendor the issue names, each once, sorted by id', () => {
    const ids = vendors.map((vendor) => vendor.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort())
    expect(REQUIRED.filter((id) => !ids.includes(id))).toEqual([])
  })

  it('exports each preset by the camel case of its id, and lists every exported preset', () => {
    const exported = Object.entries(catalogue).filter(
      (entry): entry is [string, Vendor] => typeof entry[1] == 'object' && 'id' in entry[1],
    )
    expect(exported.map(([name, vendor]) => [name, camel(vendor.id)]).filter(([name, id]) => name != id)).toEqual([])
    expect(exported.map(([, vendor]) => vendor).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...vendors])
  })

  it.each(vendors.map((vendor) => [vendor.id, vendor] as const))('%s is complete and well-formed', (id, vendor) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(vendor.title.trim()).not.toBe('')
    expect(vendor.provider.trim()).not.toBe('')
    expect(isHttps(vendor.privacyPolicy)).toBe(true)
    expect(['analytics', 'marketing', 'personalization']).toContain(vendor.category)
    expect(vendor.block.length).toBeGreaterThan(0)
    for (const cookie of vendor.cookies) {
      expect(cookie.duration.trim()).not.toBe('')
      expect(cookie.purpose).toMatch(/^[A-Z].*\.$/)
      if (cookie.domain !== undefined) expect(cookie.domain).toMatch(/^\.?[a-z0-9.-]+\.[a-z]+$/)
    }
    // Every rule and name passes the config's own check (a /regex/ must compile), so none is dropped with a warning.
    const patterns = [...vendor.block, ...vendor.cookies.map((cookie) => cookie.name), ...vendor.storage]
    expect(patterns.filter((p) => pattern(p, id) === undefined)).toEqual([])
    expect(warnings).toEqual([])
    expect(vendor.sources.length).toBeGreaterThan(0)
    for (const source of vendor.sources)
      expect(isHttps(source) || /^npm (@[\w-]+\/)?[\w.-]+: \S/.test(source), source).toBe(true)
  })

  it('has no block rule so short or broad that it would hold back unrelated hosts', () => {
    const rules = vendors.flatMap((vendor) =>
      vendor.block.filter((rule) => rule[0] != '/').map((rule) => [vendor.id, rule]),
    )
    expect(rules.filter(([, rule]) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/.test(rule!))).toEqual([])
    expect(
      rules.filter(([, rule]) =>
        ['google.com', 'facebook.com', 'microsoft.com', 'bing.com', 'twitter.com', 'x.com'].includes(rule!),
      ),
    ).toEqual([])
  })
})
