import type { Consent, Messages } from '../types'
import en from './en'
import { registered } from './registered'

type Tree = Record<string, unknown>

/**
 * `a` with `b` written over it, object by object, as a copy. A text only replaces a text
 * and an object only merges into an object: a careless translation (a number, a string
 * where a group belongs) leaves the English in place instead of blanking the UI.
 */
function merge(a: unknown, b: unknown): unknown {
  if (typeof b == 'string') return typeof a == 'object' ? a : b
  if (!b || typeof b != 'object' || typeof a == 'string') return a
  const out: Tree = { ...(a as Tree) }
  for (const k in b) out[k] = merge(out[k], (b as Tree)[k])
  return out
}

/**
 * The texts of `consent.language`: English ← the registered language file ←
 * `config.translations[language]`, string by string.
 */
export function getMessages(consent: Consent): Messages {
  const lang = consent.language
  return merge(merge(en, registered()[lang]), consent.config.translations[lang]) as Messages
}
