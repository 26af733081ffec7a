// The config comes from page JSON or site code, careless or hostile: whatever it holds,
// normalising it never throws, yields a well-typed config, and the instance grants nothing.
import fc from 'fast-check'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { normalizeConfig } from '../../src/config/normalize'
import { keysOf } from '../../src/store/keys'
import type { NormalizedConfig } from '../../src/types'
import { fuzzRuns } from './fuzzRuns'

const CATEGORIES = ['necessary', 'analytics', 'marketing', 'personalization']
const OPTIONS = [
  'revision',
  'categories',
  'cookie',
  'language',
  'translations',
  'policyUrl',
  'googleConsentMode',
  'gpc',
  'reloadOnWithdraw',
  'recordEndpoint',
  'floatingButton',
  'theme',
  'nonce',
]
/** Names that find something on Object.prototype when looked up carelessly. */
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'valueOf',
  'toString',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__lookupGetter__',
]

const protoKey = fc.constantFrom(...PROTO_KEYS)
const wrong = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    -1,
    NaN,
    Infinity,
    '',
    'x',
    true,
    false,
    [],
    {},
    10n,
    new Date(NaN),
    Object.create(null),
  ),
  fc.anything({ maxDepth: 1, withBoxedValues: true, withNullPrototype: true, withBigInt: true }),
)
/** Usually a valid value, sometimes anything at all. */
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrong as fc.Arbitrary<unknown> })

/** `{ ...entries }` with each key as an own property, `__proto__` included (as JSON.parse makes it). */
function own(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  return out
}
const dict = <T>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>, maxKeys = 4) =>
  fc.array(fc.tuple(key, value), { maxLength: maxKeys }).map(own)
const optional = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(fc.record(shape, { requiredKeys: [] }), dict(protoKey, wrong, 1))
    .map(([valid, extra]) => own([...Object.entries(valid), ...Object.entries(extra)]))

const patternArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 8 }).map((s) => `/${s}/`),
  fc.constantFrom('/(/', '/[a-/', '/^_ga_/i', '/a/gimsuy', '/a/zz', '//', '_ga', '<img src=x onerror=alert(1)>'),
)
const patternsArb = maybe(fc.array(maybe(patternArb), { maxLength: 3 }))
const rulesShape = {
  title: maybe(fc.string({ maxLength: 12 })),
  description: maybe(fc.string({ maxLength: 12 })),
  cookies: patternsArb,
  storage: patternsArb,
  block: patternsArb,
}
const serviceName = fc.oneof(fc.stringMatching(/^[\w-]{1,8}$/), protoKey, fc.string({ maxLength: 6 }))
const categoryArb = optional({ ...rulesShape, services: maybe(dict(serviceName, maybe(optional(rulesShape)), 3)) })
const categoriesArb = maybe(
  dict(fc.oneof(fc.constantFrom(...CATEGORIES), protoKey, fc.string({ maxLength: 6 })), maybe(categoryArb), 5),
)
const messagesArb = fc.object({
  key: fc.oneof(
    fc.constantFrom('banner', 'dialog', 'categories', 'analytics', 'title', 'description', 'footer', 'link'),
    protoKey,
  ),
  values: [fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null)],
  maxDepth: 5,
  maxKeys: 3,
})
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    '/privacy',
    'privacy.html',
    '//cdn.test/x',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'http://[::1',
    '',
  ),
)
const configArb = optional({
  revision: maybe(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.double(), fc.constantFrom(1e17, 2 ** 53, 1e300, -1, 0.5))),
  categories: categoriesArb,
  cookie: maybe(
    optional({
      name: maybe(fc.oneof(fc.stringMatching(/^[\w-]{1,10}$/), fc.string({ maxLength: 10 }))),
      domain: maybe(fc.constantFrom('example.test', 'x; Secure', '')),
      path: maybe(fc.constantFrom('/', '/shop', 'shop', '/; Domain=evil.test')),
      sameSite: maybe(fc.constantFrom('Lax', 'Strict', 'None', 'lax')),
      maxAgeDays: maybe(fc.oneof(fc.double(), fc.integer({ min: 1, max: 400 }))),
    }),
  ),
  language: maybe(fc.constantFrom('auto', 'en', 'de', 'pt-BR', 'xx', '', '../x', 'en"><b>')),
  translations: maybe(
    dict(fc.oneof(fc.constantFrom('en', 'de', 'fr'), protoKey, fc.string({ maxLength: 6 })), maybe(messagesArb), 3),
  ),
  policyUrl: maybe(url),
  recordEndpoint: maybe(url),
  googleConsentMode: maybe(
    fc.oneof(
      fc.boolean(),
      optional({
        waitForUpdate: maybe(fc.nat()),
        mapping: maybe(dict(fc.constantFrom(...CATEGORIES), patternsArb, 2)),
      }),
    ),
  ),
  gpc: maybe(fc.boolean()),
  reloadOnWithdraw: maybe(fc.boolean()),
  floatingButton: maybe(fc.boolean()),
  theme: maybe(fc.constantFrom('light', 'dark', 'auto', 'neon')),
  nonce: maybe(fc.string({ maxLength: 8 })),
})
/** fc.anything, with keys biased towards the option names and Object.prototype's. */
const anythingArb = fc.anything({
  key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...OPTIONS, ...CATEGORIES), protoKey),
  maxDepth: 4,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
})

const isPlain = (v: unknown) => typeof v == 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
const httpOrRelative = (v: string) => /^https?:$/.test(new URL(v, 'http://x/').protocol)

/** Every key present with its documented type, nothing else: what the rest of the SDK relies on. */
function expectNormalized(config: NormalizedConfig): void {
  const problems: string[] = []
  const check = (ok: boolean, what: string) => ok || problems.push(what)
  check(isPlain(config), 'config is a plain object')
  check(
    Object.keys(config).every((k) => OPTIONS.includes(k)),
    'only known options: ' + Object.keys(config),
  )
  check(Number.isSafeInteger(config.revision) && config.revision >= 0, 'revision')
  check(isPlain(config.categories) && Object.keys(config.categories).join() == CATEGORIES.join(), 'four categories')
  for (const c of CATEGORIES) {
    const category = config.categories[c as 'analytics']
    check(isPlain(category) && isPlain(category.services), `${c} and its services are plain objects`)
    for (const rules of [category, ...Object.values(category.services)]) {
      for (const list of ['cookies', 'storage', 'block'] as const)
        check(
          rules[list] === undefined ||
            (Array.isArray(rules[list]) && rules[list].every((p) => typeof p == 'string' && p)),
          `${c} ${list}`,
        )
      check(
        ['title', 'description'].every((k) => ['undefined', 'string'].includes(typeof rules[k as 'title'])),
        `${c} texts`,
      )
    }
    check(
      Object.keys(category.services).every((s) => /^[\w-]+$/.test(s) && s != '__proto__'),
      `${c} service names`,
    )
  }
  const { cookie } = config
  check(isPlain(cookie) && /^[\w!#$%&'*+.^`|~-]+$/.test(cookie.name) && cookie.path[0] == '/', 'cookie name and path')
  check(
    ['Lax', 'Strict', 'None'].includes(cookie.sameSite) && cookie.maxAgeDays > 0 && cookie.maxAgeDays <= 395,
    'cookie sameSite, maxAgeDays',
  )
  check(cookie.domain === undefined || typeof cookie.domain == 'string', 'cookie domain')
  check(typeof config.language == 'string' && ['light', 'dark', 'auto'].includes(config.theme), 'language, theme')
  check(
    [config.gpc, config.reloadOnWithdraw, config.floatingButton].every((b) => typeof b == 'boolean'),
    'booleans',
  )
  check(config.googleConsentMode === false || isPlain(config.googleConsentMode), 'googleConsentMode')
  for (const key of ['policyUrl', 'recordEndpoint'] as const)
    check(config[key] === undefined || httpOrRelative(config[key]), `${key} is http(s) or relative`)
  const leaves = (v: unknown, depth: number): boolean =>
    typeof v == 'string' || (isPlain(v) && depth < 6 && Object.values(v as object).every((x) => leaves(x, depth + 1)))
  check(
    leaves(config.translations, 0) &&
      Object.keys(config.translations).every((l) => /^[\w-]+$/.test(l) && l != '__proto__'),
    'translations',
  )
  if (problems.length) expect(problems).toEqual([])
}

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).join()
const tally = { anything: 0, nearValid: 0, instances: 0, readBack: 0 }

function clearCookies(): void {
  for (const pair of document.cookie.split('; ').filter(Boolean))
    document.cookie = pair.split('=')[0] + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
}

// Silenced by hand: a spy would keep every one of the many thousand warnings.
const { warn, error } = console
beforeEach(() => {
  console.warn = console.error = () => {}
})
afterEach(() => {
  Object.assign(console, { warn, error })
  clearCookies()
  expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeNames)
})
afterAll(() => console.info('[fuzz] configs:', JSON.stringify(tally)))

// Generous timeouts: the runs take a few seconds alone, more on a busy two-core machine.
describe('normalizing a config', { timeout: 60_000 }, () => {
  it('never throws on 20,000 values of any type and shape', () => {
    fc.assert(
      fc.property(anythingArb, (input) => {
        tally.anything++
        expectNormalized(normalizeConfig(input))
      }),
      fuzzRuns(20_000),
    )
  })

  it('never throws on 8,000 near-valid configs with wrong types and prototype keys mixed in', () => {
    fc.assert(
      fc.property(configArb, (input) => {
        tally.nearValid++
        expectNormalized(normalizeConfig(input))
      }),
      fuzzRuns(8_000),
    )
  })

  it('gives instances that grant nothing before a decision, then store and read back one', () => {
    const probe = fc.array(
      fc.oneof(
        fc.string({ maxLength: 10 }),
        protoKey,
        fc.constantFrom(...CATEGORIES).map((c) => c + '.x'),
      ),
      { maxLength: 4 },
    )
    fc.assert(
      fc.property(fc.oneof(configArb, anythingArb), probe, (input, extraKeys) => {
        tally.instances++
        clearCookies()
        const consent = createConsentWith(input as never, [])
        try {
          const keys = keysOf(consent.config)
          expect([consent.decided, consent.record()]).toEqual([false, null])
          // Nothing outside `necessary` (its services may start off: that grants less, not more).
          const choices = consent.get()
          expect(Object.keys(choices).sort()).toEqual([...keys].sort())
          expect(choices.necessary).toBe(true)
          for (const key of keys)
            if (key.split('.')[0] != 'necessary') expect([key, choices[key]]).toEqual([key, false])
          for (const key of [...keys, ...extraKeys])
            if (key.split('.')[0] != 'necessary') expect([key, consent.has(key)]).toEqual([key, false])
          consent.acceptAll()
          const again = createConsentWith(input as never, [])
          // Read back wherever the browser kept the cookie (a foreign domain or another path is
          // refused), unless the decision's whole lifetime is under a second.
          if (
            document.cookie.includes(consent.config.cookie.name + '=') &&
            consent.config.cookie.maxAgeDays * 86400 >= 2
          ) {
            tally.readBack++
            expect([again.decided, again.get()]).toEqual([true, consent.get()])
          }
          again.destroy()
        } finally {
          consent.reset()
          consent.destroy()
        }
      }),
      fuzzRuns(1_500),
    )
  })
})
