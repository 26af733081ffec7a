import type { CookieDeclaration, NormalizedConfig, NormalizedRules } from '../types'
import { warn } from '../warn'
import { CATEGORIES, MAX_AGE_DAYS, defaults } from './defaults'
import { bool, complain, httpsUrl, isObject, list, oneOf, pattern, patterns, safeUrl, text, valid, wholeNumber, type Check } from './checks'

type Checks = Record<string, Check<unknown>>

/** Copies the keys of `input` that `checks` knows and that pass into `into`; warns about the rest. */
function pick<T>(input: unknown, path: string, checks: Checks, into: any = {}): T {
  if (!isObject(input)) return input === undefined ? into : (complain(path || 'config', 'an object', input), into)
  for (const key of Object.keys(input)) {
    const where = path ? path + '.' + key : key
    // Own keys only: `valueOf` or `__proto__` in JSON must not find Object.prototype's methods.
    if (!{}.hasOwnProperty.call(checks, key)) warn(where + ' is not an option (ignored)')
    else {
      const value = checks[key]!(input[key], where)
      if (value !== undefined) into[key] = value
    }
  }
  return into
}

/**
 * An object of named entries, each checked. A `__proto__` key would replace the
 * prototype instead of adding a key, so `named` refuses it along with odd names.
 */
const entries =
  (check: Check<unknown>, named: (key: string, where: string) => unknown): Check<any> =>
  (v, path) => {
    if (!isObject(v)) return
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(v)) {
      const where = path + '.' + key
      const value = named(key, where) && check(v[key], where)
      if (value !== undefined) out[key] = value
    }
    return out
  }

const mapOf = (check: Check<unknown>): Check<any> => (v, path) =>
  isObject(v)
    ? entries(check, (key, where) => (/^[\w-]+$/.test(key) && key != '__proto__') || warn(where + ' must be named with letters, digits, _ or - (ignored)'))(v, path)
    : complain(path, 'an object', v)

/** A `cookies` entry: a name or `/regex/`, or an object declaring it, which must have a `name`. */
const declared: Check<CookieDeclaration> = (v, path) => {
  if (!isObject(v)) {
    const name = pattern(v, path)
    return name ? { name } : undefined
  }
  const c = pick<CookieDeclaration>(v, path, { name: pattern, provider: text, duration: text, purpose: text })
  if (c.name) return c
  // Dropped without a name; an invalid one was warned about already, and warn() says a message once.
  pattern(v.name, path + '.name')
}

const rules: Checks = { title: text, description: text, cookies: list(declared, 'an array'), storage: patterns, block: patterns }

/** Rules with `cookies` split: the names the blocker enforces, and the `declaration` the UI shows. */
const split = (v: unknown, path: string, checks: Checks): NormalizedRules => {
  const r = pick<any>(v, path, checks)
  if (r.cookies) r.cookies = (r.declaration = r.cookies).map((c: CookieDeclaration) => c.name)
  return r
}
const service: Checks = { ...rules, provider: text, privacyPolicy: httpsUrl }
const category: Check<unknown> = (v, path) => split(v, path, { ...rules, services: mapOf((s, p) => split(s, p, service)) })

/**
 * Translations: nested objects whose leaves are strings; anything else is dropped. Four
 * levels cover every message (`categories.analytics.title`); deeper JSON could overflow the stack.
 */
const strings = (depth: number): Check<unknown> => (v, path) =>
  isObject(v)
    ? entries((leaf, where) => (typeof leaf == 'string' ? leaf : isObject(leaf) && depth < 4 ? strings(depth + 1)(leaf, where) : complain(where, 'a string', leaf)), (key, where) => key != '__proto__' || warn(where + ' is not a message name (ignored)'))(v, path)
    : complain(path, 'an object of strings', v)

const maxAgeDays: Check<number> = (v, path) =>
  typeof v != 'number' || !(v > 0) ? complain(path, 'a number of days > 0', v) : v > MAX_AGE_DAYS ? (complain(path, 'at most ' + MAX_AGE_DAYS, v), MAX_AGE_DAYS) : v

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
      categories: (v, path) => {
        if (!isObject(v)) return complain(path, 'an object', v)
        for (const key of Object.keys(v))
          if (!CATEGORIES.includes(key as never)) warn(`${path}.${key} is not a category (use ${CATEGORIES.join(', ')})`)
          else config.categories[key as 'analytics'] = { services: {}, ...(category(v[key], path + '.' + key) as object) }
      },
      cookie: (v, path) =>
        pick(v, path, {
          // RFC 6265 token characters; not a name js-cookie would find on Object.prototype (`constructor`).
          name: valid((n) => typeof n == 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(n) && !(n in {}), 'a cookie name'),
          domain: text,
          path: valid((n) => typeof n == 'string' && n[0] == '/', 'a path starting with /'),
          sameSite: oneOf('Lax', 'Strict', 'None'),
          maxAgeDays,
        }, config.cookie),
      language: text,
      translations: mapOf(strings(0)),
      policyUrl: safeUrl,
      googleConsentMode: (v, path) => (v === true || v === false ? v && {} : pick(v, path, { waitForUpdate: wholeNumber, mapping: mapOf(patterns) })),
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
