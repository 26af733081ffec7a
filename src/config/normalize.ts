import type { CookieDeclaration, NormalizedConfig } from '../types'
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

/**
 * What a config may hold: a check, or a shape (an object naming each option's schema;
 * any other key is warned about and dropped).
 */
type Schema = Check<unknown> | Shape
type Shape = { [option: string]: Schema }

const UNKNOWN = ' is not an option (ignored)'

const own = (object: object, key: string): boolean => ({}).hasOwnProperty.call(object, key)

/**
 * Copies the keys of `input` that pass their schema into `into` (a new object without it).
 * `schemaOf` gives a key's schema, or warns and gives none; a shape merges into the default
 * object `into` holds under its key (`cookie`, `categories.analytics`). When `input` is not an object: a warning that
 * it must be `expected`, and `into` unchanged; a missing object only keeps its defaults, so
 * it is said only where there are none.
 */
function walk(
  input: unknown,
  path: string,
  schemaOf: (key: string, where: string) => Schema | void,
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
    // A `__proto__` key would replace the prototype instead of adding a key.
    const schema = key == '__proto__' ? warn(where + UNKNOWN) : schemaOf(key, where)
    const value =
      typeof schema == 'function'
        ? schema(input[key], where)
        : schema && walk(input[key], where, known(schema), own(into, key) ? into[key] : undefined)
    if (value !== undefined) into[key] = value
  }
  return into
}

/** A shape's keys. Own keys only: `valueOf` or `__proto__` in JSON must not find Object.prototype's. */
const known =
  (shape: Shape) =>
  (key: string, where: string): Schema | void =>
    own(shape, key) ? shape[key] : warn(where + UNKNOWN)

/** An object of entries named with letters, digits, _ or -, each passing `schema`. */
const entries =
  (schema: Schema): Check<any> =>
  (input, path) =>
    walk(input, path, (key, where) =>
      /^[\w-]+$/.test(key) ? schema : warn(where + ' must be named with letters, digits, _ or - (ignored)'),
    )

/** A `cookies` entry: a name or `/regex/`, or an object declaring it, which must have a `name`. */
const declared: Check<CookieDeclaration> = (v, path) => {
  if (!isObject(v)) {
    const name = pattern(v, path)
    return name ? { name } : undefined
  }
  const c: CookieDeclaration = walk(v, path, known({ name: pattern, provider: text, duration: text, purpose: text }))
  if (c.name) return c
  // Dropped without a name; an invalid one was warned about already, and warn() says a message once.
  pattern(v.name, path + '.name')
  return undefined
}

/** What a category and a service both take. */
const rules = {
  title: text,
  description: text,
  cookies: list(declared),
  storage: patterns,
  block: patterns,
}

/**
 * Translations: nested objects whose leaves are strings, under any name but `__proto__` (which
 * `walk` refuses); anything else is dropped. Four levels cover every message
 * (`categories.analytics.title`); deeper JSON could overflow the stack.
 */
const strings =
  (depth: number): Check<unknown> =>
  (input, path) =>
    walk(input, path, () => message(depth))

const message =
  (depth: number): Check<unknown> =>
  (leaf, where) =>
    typeof leaf == 'string'
      ? leaf
      : isObject(leaf) && depth < 4
        ? strings(depth + 1)(leaf, where)
        : complain(where, 'a string', leaf)

const maxAgeDays: Check<number> = (value, path) => {
  if (typeof value != 'number' || !(value > 0)) return complain(path, 'a number of days > 0', value)
  if (value > MAX_AGE_DAYS) {
    complain(path, 'at most ' + MAX_AGE_DAYS, value)
    return MAX_AGE_DAYS
  }
  return value
}

const googleConsentMode = { waitForUpdate: wholeNumber, mapping: entries(patterns) }

/** Every option. */
const CONFIG: Shape = {
  revision: wholeNumber,
  categories: Object.fromEntries(
    CATEGORIES.map((key) => [
      key,
      { ...rules, services: entries({ ...rules, provider: text, privacyPolicy: httpsUrl }) },
    ]),
  ),
  cookie: {
    // RFC 6265 token characters; not a name js-cookie would find on Object.prototype (`constructor`).
    name: valid(
      (name) => typeof name == 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(name) && !(name in {}),
      'a cookie name',
    ),
    domain: text,
    path: valid((cookiePath) => typeof cookiePath == 'string' && cookiePath[0] == '/', 'a path starting with /'),
    sameSite: oneOf('Lax', 'Strict', 'None'),
    maxAgeDays,
  },
  language: text,
  translations: entries(strings(0)),
  policyUrl: safeUrl,
  // `true` is the default options; `false` stays false.
  googleConsentMode: (value, path) =>
    typeof value == 'boolean'
      ? value && {}
      : walk(value, path, known(googleConsentMode), undefined, 'true, false or an object'),
  gpc: bool,
  reloadOnWithdraw: bool,
  recordEndpoint: safeUrl,
  floatingButton: bool,
  theme: oneOf('light', 'dark', 'auto'),
  nonce: text,
}

/**
 * Validates a config from untrusted JSON. Never throws and never grants: each problem
 * gives one warning naming the option, and that option keeps its default.
 */
export function normalizeConfig(input?: unknown): NormalizedConfig {
  const config: NormalizedConfig = walk(input, '', known(CONFIG), defaults())
  // `cookies` split: the names the blocker enforces, and the `declaration` the UI shows.
  for (const category of Object.values(config.categories))
    for (const r of [category, ...Object.values(category.services)] as any[])
      if (r.cookies) r.cookies = (r.declaration = r.cookies).map((c: CookieDeclaration) => c.name)
  return config
}
