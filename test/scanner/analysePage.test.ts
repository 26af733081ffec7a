// The scanner's judgement, without a browser: what counts as a leak, what is undeclared, which vendor.
import { describe, expect, it } from 'vitest'
import { analysePage } from '../../src/scanner/analysePage'
import { parseScanArgs } from '../../src/scanner/parseScanArgs'
import { siteOf, withoutQueryValues } from '../../src/scanner/siteOf'
import { suggestConfig } from '../../src/scanner/suggestConfig'
import { vendorFor } from '../../src/scanner/vendorFor'
import { parseSetCookie, type PageVisit, type RawCookie } from '../../src/scanner/visitPage'
import { normalizeConfig } from '../../src/config/normalize'
import type { Vendor } from '../../src/vendors/types'

const vendor = (id: string, block: string[], cookies: string[], storage: string[] = []): Vendor => ({
  id,
  title: id,
  provider: id,
  privacyPolicy: 'https://example.com/privacy',
  category: 'analytics',
  block,
  cookies: cookies.map((name) => ({ name, duration: '1 day', purpose: 'test' })),
  storage,
  sources: [],
})
const VENDORS = [
  vendor('tracker', ['tracker.example'], ['_tr', '/^_tr_/'], ['tr_state']),
  vendor('other', ['/^https:\\/\\/cdn\\.other\\./'], ['_o']),
]

const cookie = (name: string, state: RawCookie['state'], domain = 'www.shop.example'): RawCookie => ({
  cookie: {
    name,
    value: '1',
    domain,
    path: '/',
    expires: 1000 + 86400,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
  },
  state,
  seenAt: 1000,
  setByUrl: null,
})

function visit(overrides: Partial<PageVisit>): PageVisit {
  return {
    url: 'https://www.shop.example/',
    status: 200,
    error: null,
    config: null,
    decisionKept: { rejected: true, accepted: true },
    requests: [],
    cookies: [],
    storage: [],
    links: [],
    ...overrides,
  }
}

describe('analysePage', () => {
  const config = normalizeConfig({
    categories: {
      necessary: { cookies: ['sid'], block: ['cdn.vendor.example'] },
      analytics: { block: ['tracker.example'], cookies: ['_tr'], services: { replay: { storage: ['rp'] } } },
    },
  })

  it('counts what is not necessary before a decision and after "reject all" as leaks, and nothing after "accept all"', () => {
    const report = analysePage(
      visit({
        config,
        requests: [
          { url: 'https://tracker.example/t.js?id=1', type: 'script', initiator: null, state: 'none' },
          { url: 'https://tracker.example/t.js?id=2', type: 'script', initiator: null, state: 'accepted' },
          { url: 'https://cdn.vendor.example/lib.js', type: 'script', initiator: null, state: 'none' },
          { url: 'https://static.shop.example/app.js', type: 'script', initiator: null, state: 'none' },
          { url: 'https://late.example/p.gif', type: 'image', initiator: null, state: 'accepted' },
        ],
        cookies: [
          cookie('consentry', 'rejected'),
          cookie('sid', 'none'),
          cookie('_tr', 'rejected'),
          cookie('_tr', 'accepted'),
          cookie('_x', 'accepted'),
        ],
        storage: [{ type: 'localStorage', origin: 'https://www.shop.example', name: 'rp', state: 'none' }],
      }),
      VENDORS,
    )
    expect(report.leaks.map((l) => [l.kind, l.name, l.states.join(), l.declared, l.vendor])).toEqual([
      ['request', 'https://tracker.example/t.js?id=', 'none', 'analytics', 'tracker'],
      ['cookie', '_tr', 'rejected', 'analytics', 'tracker'],
      ['storage', 'rp', 'none', 'analytics.replay', null],
    ])
    expect(report.requests.find((r) => r.host == 'tracker.example')).toMatchObject({
      states: ['none', 'accepted'],
      firstSeen: 'none',
    })
    expect(report.cookies.find((c) => c.name == 'consentry')).toMatchObject({
      sdk: true,
      declared: 'necessary',
      lifetime: 86400,
    })
    expect(report.undeclared).toEqual([
      { kind: 'host', name: 'late.example', vendor: null, pages: ['https://www.shop.example/'] },
      { kind: 'cookie', name: '_x', vendor: null, pages: ['https://www.shop.example/'] },
    ])
    expect(report.consentry).toEqual({
      found: true,
      revision: 0,
      cookie: 'consentry',
      decisionKept: { rejected: true, accepted: true },
    })
  })

  it('counts everything third-party or stored on a page without consentry, and a cookie named consentry is not special there', () => {
    const report = analysePage(
      visit({
        requests: [{ url: 'https://cdn.other.example/x.js', type: 'script', initiator: null, state: 'none' }],
        cookies: [cookie('consentry', 'none'), cookie('_o', 'none', '.other.example')],
      }),
      VENDORS,
    )
    expect(report.consentry).toEqual({ found: false })
    expect(report.leaks.map((l) => [l.kind, l.name, l.where, l.vendor])).toEqual([
      ['request', 'https://cdn.other.example/x.js', 'cdn.other.example', 'other'],
      ['cookie', 'consentry', 'www.shop.example', null],
      ['cookie', '_o', '.other.example', 'other'],
    ])
    expect(report.cookies.find((c) => c.name == '_o')).toMatchObject({ thirdParty: true, sdk: false })
  })
})

describe('vendorFor and suggestConfig', () => {
  it('attributes by block rule, cookie name or pattern, and storage key, first match first', () => {
    expect(vendorFor(VENDORS, 'block', 'https://tracker.example/c?x=')?.id).toBe('tracker')
    expect(vendorFor(VENDORS, 'block', 'https://cdn.other.example/a.js')?.id).toBe('other')
    expect(vendorFor(VENDORS, 'block', 'https://www.cdn.other.example/a.js')).toBeUndefined()
    expect(vendorFor(VENDORS, 'cookies', '_tr_session')?.id).toBe('tracker')
    expect(vendorFor(VENDORS, 'cookies', '_trx')).toBeUndefined()
    expect(vendorFor(VENDORS, 'storage', 'tr_state')?.id).toBe('tracker')
  })

  it('merges the vendors of undeclared things by category and lists the rest', () => {
    const page = ['https://x.example/']
    expect(
      suggestConfig(
        [
          { kind: 'cookie', name: '_tr', vendor: 'tracker', pages: page },
          { kind: 'host', name: 'tracker.example', vendor: 'tracker', pages: page },
          { kind: 'cookie', name: '_o', vendor: 'other', pages: page },
          { kind: 'storage', name: 'mystery', vendor: null, pages: page },
        ],
        VENDORS,
      ),
    ).toEqual({
      vendors: ['tracker', 'other'],
      command: 'npx consentry config tracker other',
      categories: {
        analytics: {
          block: ['tracker.example', '/^https:\\/\\/cdn\\.other\\./'],
          cookies: ['_tr', '/^_tr_/', '_o'],
          storage: ['tr_state'],
        },
      },
      unknown: [{ kind: 'storage', name: 'mystery' }],
    })
  })
})

describe('helpers', () => {
  it('tells sites apart by registrable domain', () => {
    expect(
      [
        'www.shop.example.com',
        'example.com',
        'a.b.example.co.uk',
        'example.co.uk',
        '127.0.0.1',
        'localhost',
        'tracker.test',
      ].map(siteOf),
    ).toEqual([
      'example.com',
      'example.com',
      'example.co.uk',
      'example.co.uk',
      '127.0.0.1',
      'localhost',
      'tracker.test',
    ])
  })

  it('drops query values and fragments from urls, keeping the names', () => {
    expect(withoutQueryValues('https://t.example/c?tid=G-1&cid=123.456&cid=2#x')).toBe(
      'https://t.example/c?tid=&cid=&cid=',
    )
    expect(withoutQueryValues('https://t.example/a.js#top')).toBe('https://t.example/a.js')
  })

  it('reads the name and domain a set-cookie header line sets', () => {
    expect(parseSetCookie('sid=abc; Path=/; HttpOnly', 'www.shop.example')).toBe('sid www.shop.example')
    expect(parseSetCookie('_ga=1; Domain=.Shop.example; Max-Age=10', 'www.shop.example')).toBe('_ga shop.example')
    expect(parseSetCookie('garbage', 'x.example')).toBeNull()
  })

  it('parses options and refuses bad ones with a message naming them', () => {
    expect(
      parseScanArgs(['https://a.example/', '--pages', '3', '--wait', '0', '--json', '--resolve', 'MAP * 127.0.0.1']),
    ).toEqual({
      options: { urls: ['https://a.example/'], pages: 3, wait: 0, json: true, resolve: 'MAP * 127.0.0.1' },
    })
    expect(parseScanArgs(['https://a.example/'])).toEqual({
      options: { urls: ['https://a.example/'], pages: 10, wait: 1500, json: false, resolve: undefined },
    })
    expect(parseScanArgs(['https://a.example/', '--pages', '2.5'])).toEqual({
      error: '--pages must be a whole number ≥ 1, got "2.5"',
    })
    expect(parseScanArgs(['https://a.example/', '--resolve', ' '])).toEqual({ error: '--resolve must not be empty' })
    expect(parseScanArgs(['-h'])).toEqual({ help: true })
  })
})
