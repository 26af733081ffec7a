import type { NormalizedConfig } from '../types'
import { rulesOf } from './rulesOf'

/**
 * The test for one `block`, `cookies` or `storage` entry: a `/regex/` string is a
 * regular expression; any other string matches exactly (names) or as a substring
 * (URLs). The config check already dropped invalid expressions; one that slips
 * through matches nothing rather than throwing.
 */
export function toTest(pattern: string, exact: boolean): (value: string) => boolean {
  // Only real flags after the closing slash: `/g/collect` is a path, not `g` with flags `collect`.
  const regex = /^\/(.+)\/([dgimsuyv]*)$/.exec(pattern)
  if (regex)
    try {
      // Without g and y, test() keeps no state between calls.
      const re = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ''))
      return (value) => re.test(value)
    } catch {
      return () => false
    }
  return exact ? (value) => value == pattern : (value) => value.includes(pattern)
}

/** Every category's and service's `field` entries as tests, each with the consent key it belongs to. */
export const patternsOf = (config: NormalizedConfig, field: 'block' | 'cookies' | 'storage', exact: boolean) =>
  rulesOf(config).flatMap(([key, rules]) =>
    (rules[field] || []).map((pattern) => [key, toTest(String(pattern), exact)] as const),
  )
