import type { CookieDeclaration, NormalizedConfig, NormalizedRules } from '../types'
import { warn } from '../warn'
import { CATEGORIES, MAX_AGE_DAYS, defaults } from './defaults'
import {
  bool,
  complain,
  httpsUrl,
  isObject,
  list,
  oneOf,
  pattern,
  patterns,
  safeUrl,
  text,
  valid,
  wholeNumber,
  type Check,
} from './checks'

type Checks = Record<string, Check<unknown>>

/**
 * Copies the keys of `input` that pass their check into `into` (a new object without it).
 * `checkOf` gives a key's check, or warns and gives none. When `input` is not an object:
 * a warning that it must be `expected`, and `into` unchanged; a missing object only keeps
 * its defaults, so it is said only where there are none.
 */
function walk(
  input: unknown,
  path: string,
  checkOf: (key: string, where: string) => Check<unknown> | void,
  into?: any,
  expected = 'an object',
): any {
  if (!isObject(input)) {
    if (input !== undefined || !into) complain(path || 'config', expected, input)
    return into
  }
  into ||= {}
  for (const key of Object.keys(input)) {
    const where = path ? path + '.' + key : key
    const check = checkOf(key, where)
    const value = check ? check(input[key], where) : undefined
    if (value !== undefined) into[key] = value
  }
  return into
}

/** The keys of `input` that `checks` knows and that pass, into `into`; a warning for the rest (`unknown`). */
const pick = <T>(
  input: unknown,
  path: string,
  checks: Checks,
  into: any = {},
  unknown = ' is not an option (ignored)',
): T =>
  // Own keys only: `valueOf` or `__proto__` in JSON must not find Object.prototype's methods.
  walk(input, path, (key, where) => ({}).hasOwnProperty.call(checks, key) ? checks[key] : warn(where + unknown), into)

/**
 * An object of named entries, each checked. A `__proto__` key would replace the
 * prototype instead of adding a key, so `named` refuses it along with odd names.
 */
const entries =
  (check: Check<unknown>, named: (key: string, where: string) => unknown, expected: string): Check<any> =>
  (input, path) =>
    walk(input, path, (key, where) => (named(key, where) ? check : undefined), undefined, expected)

const safeName = (key: string, where: string): unknown =>
  (/^[\w-]+$/.test(key) && key != '__proto__') || warn(where + ' must be named with letters, digits, _ or - (ignored)')

const mapOf = (check: Check<unknown>): Check<any> => entries(check, safeName, 'an object')

/** A `cookies` entry: a name or `/regex/`, or an object declaring it, which must have a `name`. */
const declared: Check<CookieDeclaration> = (v, path) => {
  const object = isObject(v)
  const c = object
    ? pick<CookieDeclaration>(v, path, { name: pattern, provider: text, duration: text, purpose: text })
    : { name: pattern(v, path)! }
  if (c.name) return c
  // Dropped without a name; an invalid one was warned about already, and warn() says a message once.
  if (object) pattern(v.name, path + '.name')
  return undefined
}

const rules: Checks = {
  title: text,
  description: text,
  cookies: list(declared, 'an array'),
  storage: patterns,
  block: patterns,
}

/** Rules with `cookies` split: the names the blocker enforces, and the `declaration` the UI shows. */
const split = (v: unknown, path: string, checks: Checks): NormalizedRules => {
  const r = pick<any>(v, path, checks)
  if (r.cookies) r.cookies = (r.declaration = r.cookies).map((c: CookieDeclaration) => c.name)
  return r
}
const service: Checks = { ...rules, provider: text, privacyPolicy: httpsUrl }
const category: Check<unknown> = (v, path) => ({
  services: {},
  ...split(v, path, { ...rules, services: mapOf((s, p) => split(s, p, service)) }),
})

/**
 * Translations: nested objects whose leaves are strings; anything else is dropped. Four
 * levels cover every message (`categories.analytics.title`); deeper JSON could overflow the stack.
 */
const strings = (depth: number): Check<unknown> => entries(message(depth), messageName, 'an object of strings')

const message =
  (depth: number): Check<unknown> =>
  (leaf, where) =>
    typeof leaf == 'string'
      ? leaf
      : isObject(leaf) && depth < 4
        ? strings(depth + 1)(leaf, where)
        : complain(where, 'a string', leaf)

const messageName = (key: string, where: string): unknown =>
  key != '__proto__' || warn(where + ' is not a message name (ignored)')

const maxAgeDays: Check<number> = (value, path) => {
  if (typeof value != 'number' || !(value > 0)) return complain(path, 'a number of days > 0', value)
  if (value > MAX_AGE_DAYS) {
    complain(path, 'at most ' + MAX_AGE_DAYS, value)
    return MAX_AGE_DAYS
  }
  return value
}

/**
 * Validates a config from untrusted JSON. Never throws and never grants: each problem
 * gives one warning naming the option, and that option keeps its default.
 */
export function normalizeConfig(input?: unknown): NormalizedConfig {
  const config = defaults()
  pick(
    input,
    '',
    {
      revision: wholeNumber,
      categories: (value, path) =>
        pick(
          value,
          path,
          Object.fromEntries(CATEGORIES.map((key) => [key, category])),
          config.categories,
          ` is not a category (use ${CATEGORIES.join(', ')})`,
        ),
      cookie: (value, path) =>
        pick(
          value,
          path,
          {
            // RFC 6265 token characters; not a name js-cookie would find on Object.prototype (`constructor`).
            name: valid(
              (name) => typeof name == 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(name) && !(name in {}),
              'a cookie name',
            ),
            domain: text,
            path: valid(
              (cookiePath) => typeof cookiePath == 'string' && cookiePath[0] == '/',
              'a path starting with /',
            ),
            sameSite: oneOf('Lax', 'Strict', 'None'),
            maxAgeDays,
          },
          config.cookie,
        ),
      language: text,
      translations: mapOf(strings(0)),
      policyUrl: safeUrl,
      // `true` is the default options; `false` stays false.
      googleConsentMode: (value, path) =>
        typeof value == 'boolean'
          ? value && {}
          : pick(value, path, { waitForUpdate: wholeNumber, mapping: mapOf(patterns) }),
      gpc: bool,
      reloadOnWithdraw: bool,
      recordEndpoint: safeUrl,
      floatingButton: bool,
      theme: oneOf('light', 'dark', 'auto'),
      nonce: text,
    },
    config,
  )
  return config
}
