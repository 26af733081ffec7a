import type { Choices } from '../types'
import { warn } from '../warn'
import { categoryOf } from './keys'

/** Every key (`keysOf`) refused, but `necessary`, which is always granted. */
export const refused = (keys: string[]): Choices =>
  Object.fromEntries(keys.map((key) => [key, key == 'necessary'])) as Choices

/**
 * Applies a partial choice to the configured `keys` (`keysOf`). A category's value spreads to its services, a service's own
 * value wins over that, and a category that has services is granted while any of them is.
 */
export function applyChoices(keys: string[], current: Choices, partial: Record<string, unknown>): Choices {
  const next = { ...current }
  const given = (key: string) => (typeof partial[key] == 'boolean' ? (partial[key] as boolean) : undefined)
  for (const key in partial)
    if (!keys.includes(key)) warn(`set() got "${key}", which is not a configured category or service (ignored)`)
    else if (given(key) === undefined) warn(`set() needs true or false for "${key}", got ${typeof partial[key]}`)
  for (const key of keys) next[key] = given(key) ?? given(key.split('.')[0]!) ?? next[key]!
  for (const key of keys) {
    const services = keys.filter((k) => k.startsWith(key + '.'))
    if (services[0]) next[key] = services.some((s) => next[s])
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
  return !!category && choices[category] && (key == category || choices[key] !== false)
}

/** True when `next` takes back anything `previous` granted. */
export const withdraws = (previous: Choices, next: Choices): boolean =>
  Object.keys(previous).some((key) => previous[key] && !next[key])
