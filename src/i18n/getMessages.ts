import type { Consent, Messages } from '../types'
import en from './en'
import { registered } from './registered'

type Tree = { [key: string]: unknown }

/**
 * A copy of `a` with `b` written over it, object by object. A text only replaces a text
 * and an object only merges into an object: a careless translation (a number, a string
 * where a group belongs) leaves the English in place instead of blanking the UI.
 */
const merge = (a: Tree = {}, b: unknown): Tree => {
  const out: Tree = { ...a }
  if (b && typeof b == 'object')
    for (const [k, v] of Object.entries(b)) {
      const was = typeof a[k]
      if (typeof v == 'string' ? was != 'object' : v && typeof v == 'object' && was != 'string')
        out[k] = typeof v == 'string' ? v : merge(a[k] as Tree, v)
    }
  return out
}

/**
 * The texts of `consent.language`: English ← the registered language file ←
 * `config.translations[language]`, string by string.
 */
export function getMessages(consent: Consent): Messages {
  const lang = consent.language
  return merge(merge(en as unknown as Tree, registered()[lang]), consent.config.translations[lang]) as unknown as Messages
}
