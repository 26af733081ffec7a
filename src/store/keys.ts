import { CATEGORIES } from '../config/defaults'
import type { Category, NormalizedConfig } from '../types'

/** Every consent key in a fixed order: each category, then its services (`analytics.hotjar`). */
export function keysOf(config: NormalizedConfig): string[] {
  const keys: string[] = []
  for (const c of CATEGORIES) {
    keys.push(c)
    for (const s of Object.keys(config.categories[c].services)) keys.push(c + '.' + s)
  }
  return keys
}

/** The category a key belongs to, or undefined for a key that names none. */
export function categoryOf(key: string): Category | undefined {
  const c = key.split('.')[0] as Category
  return CATEGORIES.includes(c) ? c : undefined
}
