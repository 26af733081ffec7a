import type { Consent, Messages } from '../types'
import en from './en'
import { registered } from './registered'

type Tree = Record<string, unknown>

/**
 * `base` with `over` written over it, object by object, as a copy. A text only replaces a text
 * and an object only merges into an object: a careless translation (a number, a string
 * where a group belongs) leaves the English in place instead of blanking the UI.
 */
function merge(base: unknown, over: unknown): unknown {
  if (typeof over == 'string') return typeof base == 'object' ? base : over
  if (!over || typeof over != 'object' || typeof base == 'string') return base
  const out: Tree = { ...(base as Tree) }
  for (const key in over) out[key] = merge(out[key], (over as Tree)[key])
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
