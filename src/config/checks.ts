import { warn } from '../warn'
import { describe } from './describe'

/** A check returns the value when it is valid, else warns and returns undefined. */
export type Check<T> = (value: unknown, path: string) => T | undefined

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v == 'object' && v !== null && !Array.isArray(v)

export function complain(path: string, expected: string, value: unknown): undefined {
  warn(`${path} must be ${expected}, got ${describe(value)}`)
  return undefined
}

const typed =
  <T>(type: string, expected: string): Check<T> =>
  (v, path) =>
    typeof v == type ? (v as T) : complain(path, expected, v)

export const bool = typed<boolean>('boolean', 'true or false')
export const text = typed<string>('string', 'a string')

export const oneOf =
  <T extends string>(...allowed: T[]): Check<T> =>
  (v, path) =>
    allowed.includes(v as T) ? (v as T) : complain(path, allowed.map((a) => `"${a}"`).join(' or '), v)

// Safe integers only: a larger revision would not survive its base-36 round trip through the cookie.
export const wholeNumber: Check<number> = (v, path) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : complain(path, 'a whole number ≥ 0', v)

/** A `/regex/flags` string compiles, or is dropped with a warning. */
export const pattern: Check<string> = (v, path) => {
  if (typeof v != 'string' || !v) return complain(path, 'a non-empty string', v)
  // Only real flags after the closing slash: `/g/collect` is a path, not `g` with flags `collect`.
  const m = /^\/(.+)\/([dgimsuyv]*)$/.exec(v)
  if (m)
    try {
      new RegExp(m[1]!, m[2])
    } catch {
      return complain(path, 'a valid /regex/', v)
    }
  return v
}

export const patterns: Check<string[]> = (v, path) =>
  Array.isArray(v)
    ? v.map((p, i) => pattern(p, `${path}[${i}]`)).filter((p): p is string => p !== undefined)
    : complain(path, 'an array of strings', v)

/**
 * Only http(s) and relative URLs: a `javascript:` or `data:` link must never reach the
 * page. The URL parser decides, since it is what strips tabs and newlines from schemes.
 */
export const safeUrl: Check<string> = (v, path) => {
  try {
    if (typeof v == 'string' && /^https?:$/.test(new URL(v, 'http://x/').protocol)) return v
  } catch {}
  return complain(path, 'an http(s) or relative URL', v)
}
