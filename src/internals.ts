import type { BlockerHooks } from './blocker/blocker'
import type { BlockedEntry, Consent } from './types'

/**
 * What the instance lends the SDK's own parts beyond the public API: its stored value, and
 * the hooks that the blocker's optional parts fill before the blocker starts. Never
 * exported from an entry point.
 */
export interface Internals extends BlockerHooks {
  /** The stored value as it is now (cookie, or memory where cookies are refused). */
  stored(): string | undefined
  /** Re-reads a stored value written elsewhere (another tab) and applies it without storing it again. */
  sync(value: string | undefined): void
  /** Reports what was held back or refused (`blocked` event), once per `kind` + `what`. */
  blocked(kind: BlockedEntry['kind'], what: string, keys: string[]): void
}

/** One of the SDK's own features: a public `Feature` that also receives the instance's internals. */
export type Part = (consent: Consent, internals: Internals) => (() => void) | void
