import type { CategoryConfig, NormalizedConfig, Rules } from '../types'
import { warn } from '../warn'
import { CATEGORIES, MAX_AGE_DAYS, defaults } from './defaults'
import { bool, complain, isObject, oneOf, patterns, safeUrl, text, wholeNumber, type Check } from './checks'

/** Copies the keys of `input` that `checks` knows and that pass; warns about the rest. */
function pick<T extends object>(input: unknown, path: string, checks: { [K in keyof T]?: Check<T[K]> }, into: T): T {
  if (input === undefined) return into
  if (!isObject(input)) return complain(path || 'config', 'an object', input), into
  for (const key of Object.keys(input)) {
    // Own keys only: `valueOf` or `__proto__` in JSON must not find Object.prototype's methods.
    const check = Object.prototype.hasOwnProperty.call(checks, key) ? (checks as Record<string, Check<unknown>>)[key] : undefined
    const where = path ? path + '.' + key : key
    if (!check) warn(`${where} is not an option (ignored)`)
    else {
      const value = check(input[key], where)
      if (value !== undefined) (into as Record<string, unknown>)[key] = value
    }
  }
  return into
}

const rules = { title: text, description: text, cookies: patterns, storage: patterns, block: patterns }

const ruleSet: Check<Rules> = (v, path) => pick<Rules>(v, path, rules, {})

function mapOf<T>(check: Check<T>): Check<Record<string, T>> {
  return (v, path) => {
    if (!isObject(v)) return complain(path, 'an object', v)
    const out: Record<string, T> = {}
    for (const key of Object.keys(v)) {
      if (!/^[\w-]+$/.test(key) || key == '__proto__') warn(`${path}.${key} must be named with letters, digits, _ or - (ignored)`)
      else {
        const value = check(v[key], `${path}.${key}`)
        if (value !== undefined) out[key] = value
      }
    }
    return out
  }
}

const category: Check<CategoryConfig & { services: Record<string, Rules> }> = (v, path) =>
  pick<CategoryConfig>(v, path, { ...rules, services: mapOf(ruleSet) }, {}) as never

/**
 * Translations: nested objects whose leaves are strings; anything else is dropped. Four
 * levels cover every message (`categories.analytics.title`); deeper JSON could overflow
 * the stack, and a `__proto__` key would replace the prototype instead of adding a key.
 */
const strings = (v: unknown, path: string, depth = 0): Record<string, unknown> | undefined => {
  if (!isObject(v)) return complain(path, 'an object of strings', v)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(v)) {
    const leaf = v[key]
    const where = `${path}.${key}`
    if (key == '__proto__') {
      warn(`${where} is not a message name (ignored)`)
      continue
    }
    const value =
      typeof leaf == 'string' ? leaf : isObject(leaf) && depth < 4 ? strings(leaf, where, depth + 1) : complain(where, 'a string', leaf)
    if (value !== undefined) out[key] = value
  }
  return out
}

const maxAgeDays: Check<number> = (v, path) => {
  if (typeof v != 'number' || !(v > 0)) return complain(path, 'a number of days > 0', v)
  if (v <= MAX_AGE_DAYS) return v
  complain(path, `at most ${MAX_AGE_DAYS}`, v)
  return MAX_AGE_DAYS
}

const googleConsentMode: Check<NormalizedConfig['googleConsentMode']> = (v, path) =>
  v === true || v === false
    ? v && {}
    : pick(v, path, { waitForUpdate: wholeNumber, mapping: mapOf(patterns) as never }, {})

/**
 * Validates a config from untrusted JSON. Never throws and never grants: each problem
 * gives one warning naming the option, and that option keeps its default.
 */
export function normalizeConfig(input?: unknown): NormalizedConfig {
  const config = defaults()
  const categories = isObject(input) ? input.categories : undefined
  if (categories !== undefined && !isObject(categories)) complain('categories', 'an object', categories)
  pick(
    input,
    '',
    {
      revision: wholeNumber,
      categories: () => undefined,
      cookie: (v, path) =>
        pick(v, path, {
          // RFC 6265 token characters; not a name js-cookie would find on Object.prototype (`constructor`).
          name: (n, p) => (typeof n == 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(n) && !(n in {}) ? n : complain(p, 'a cookie name', n)),
          domain: text,
          path: (n, p) => (typeof n == 'string' && n[0] == '/' ? n : complain(p, 'a path starting with /', n)),
          sameSite: oneOf('Lax', 'Strict', 'None'),
          maxAgeDays,
        }, config.cookie),
      language: text,
      translations: mapOf(strings) as never,
      policyUrl: safeUrl,
      googleConsentMode,
      gpc: bool,
      reloadOnWithdraw: bool,
      recordEndpoint: safeUrl,
      floatingButton: bool,
      theme: oneOf('light', 'dark', 'auto'),
      nonce: text,
    },
    config,
  )
  if (isObject(categories))
    for (const key of Object.keys(categories)) {
      const name = key as (typeof CATEGORIES)[number]
      if (!CATEGORIES.includes(name)) warn(`categories.${key} is not a category (use ${CATEGORIES.join(', ')})`)
      else config.categories[name] = { services: {}, ...category(categories[key], 'categories.' + key) }
    }
  return config
}
