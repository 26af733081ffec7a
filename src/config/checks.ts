import { warn } from '../warn'
import { describe } from './describe'

/** A check returns the value when it is valid, else warns and returns undefined. */
export type Check<T> = (value: any, path: string) => T | undefined

export const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v)

export const complain = (path: string, expected: string, value: unknown): undefined =>
  warn(`${path} must be ${expected}, got ${describe(value)}`) as undefined

/**
 * A check from a test: the value when `ok(value)`, else a warning that it must be `expected`.
 * A test that throws (a regex that does not compile, a URL that does not parse) fails.
 */
export const valid =
  <T>(ok: (v: any) => unknown, expected: string): Check<T> =>
  (v, path) => {
    try {
      if (ok(v)) return v
    } catch {}
    return complain(path, expected, v)
  }

export const bool = valid<boolean>((v) => typeof v == 'boolean', 'true or false')
export const text = valid<string>((v) => typeof v == 'string', 'a string')

export const oneOf = <T extends string>(...allowed: T[]): Check<T> =>
  valid((v) => allowed.includes(v), '"' + allowed.join('" or "') + '"')

// Safe integers only: a larger revision would not survive its base-36 round trip through the cookie.
export const wholeNumber = valid<number>((v) => Number.isSafeInteger(v) && v >= 0, 'a whole number ≥ 0')

/**
 * A name, or a `/regex/flags` string that compiles. Only real flags after the closing slash:
 * `/g/collect` is a path, not `g` with flags `collect`.
 */
export const pattern = valid<string>((v) => {
  if (typeof v != 'string' || !v) return false
  const regex = /^\/(.+)\/([dgimsuyv]*)$/.exec(v)
  return !regex || new RegExp(regex[1]!, regex[2])
}, 'a name or a valid /regex/')

/** An array whose items each pass `check`; the others are dropped with a warning naming their index. */
export const list =
  <T>(check: Check<T>): Check<T[]> =>
  (v, path) =>
    Array.isArray(v)
      ? (v.map((p, i) => check(p, `${path}[${i}]`)).filter((p) => p !== undefined) as T[])
      : complain(path, 'an array', v)

export const patterns = list(pattern)

/**
 * A URL whose scheme passes `scheme`: a `javascript:` or `data:` link must never reach the
 * page. The URL parser decides, since it is what strips tabs and newlines from schemes;
 * a relative URL resolves to `http:`.
 */
const url = (scheme: RegExp, expected: string) =>
  valid<string>((v) => typeof v == 'string' && scheme.test(new URL(v, 'http://x/').protocol), expected)

export const safeUrl = url(/^https?:$/, 'an http(s) or relative URL')
export const httpsUrl = url(/^https:$/, 'an https URL')
