import type { Consent } from '../types'
import { patternsOf } from './patterns'

/** Tells which not-yet-granted consent keys a URL needs; none when it may load. */
export type BlockedBy = (url: string) => string[]

/**
 * Compiles every category's and service's `block` patterns, or returns undefined
 * when there are none (then nothing gets patched). Relative URLs are also tested
 * resolved, so a rule written against the absolute form still matches.
 */
export function createBlockedBy(consent: Consent): BlockedBy | undefined {
  const rules = patternsOf(consent.config, 'block', false)
  if (!rules.length) return undefined
  // Runs for every src set on an img, script or iframe: a relative URL is resolved only
  // for a rule its own form missed, and an absolute one is tested once.
  return (url) => {
    const keys: string[] = []
    let full: string | undefined
    for (const [key, test] of rules)
      if (
        (test(url) || (!url.includes('://') && test((full ??= resolve(url))))) &&
        !keys.includes(key) &&
        !consent.has(key)
      )
        keys.push(key)
    return keys
  }
}

function resolve(url: string): string {
  try {
    return new URL(url, document.baseURI).href
  } catch {
    return url
  }
}
