import type { Choices, NormalizedConfig } from '../types'
import { warn } from '../warn'
import { categoryOf, keysOf } from './keys'

/** Every key set to `value`, but `necessary`, which is always granted. */
export function uniform(config: NormalizedConfig, value: boolean): Choices {
  const choices = {} as Choices
  for (const key of keysOf(config)) choices[key] = value
  choices.necessary = true
  return choices
}

/**
 * Applies a partial choice. A category's value spreads to its services, a service's own
 * value wins over that, and a category that has services is granted while any of them is.
 */
export function applyChoices(config: NormalizedConfig, current: Choices, partial: Record<string, unknown>): Choices {
  const next = { ...current }
  const keys = keysOf(config)
  for (const key of Object.keys(partial))
    if (!keys.includes(key)) warn(`set() got "${key}", which is not a configured category or service (ignored)`)
    else if (typeof partial[key] != 'boolean') warn(`set() needs true or false for "${key}", got ${typeof partial[key]}`)
  const given = (key: string) => (typeof partial[key] == 'boolean' ? (partial[key] as boolean) : undefined)
  for (const key of keys) {
    const own = given(key)
    const inherited = key.includes('.') ? given(categoryOf(key)!) : undefined
    if (own !== undefined || inherited !== undefined) next[key] = own ?? (inherited as boolean)
  }
  for (const key of keys) {
    const services = keys.filter((k) => k.startsWith(key + '.'))
    if (services.length) next[key] = services.some((s) => next[s])
  }
  next.necessary = true
  return next
}

/**
 * Whether a key is granted. A service needs its category too; a service the config does
 * not name follows its category, since the category's consent covers it.
 */
export function isGranted(choices: Choices, key: string): boolean {
  const category = categoryOf(key)
  if (!category || !choices[category]) return false
  return key == category || choices[key] !== false
}

/** True when `next` takes back anything `previous` granted. */
export function withdraws(previous: Choices, next: Choices): boolean {
  return Object.keys(previous).some((key) => previous[key] && !next[key])
}
