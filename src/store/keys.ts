import { CATEGORIES } from '../config/defaults'
import type { Category, NormalizedConfig } from '../types'

/** Every consent key in a fixed order: each category, then its services (`analytics.hotjar`). */
export function keysOf(config: NormalizedConfig): string[] {
  const keys: string[] = []
  for (const category of CATEGORIES) {
    keys.push(category)
    for (const service of Object.keys(config.categories[category].services)) keys.push(category + '.' + service)
  }
  return keys
}

/** The category a key belongs to, or undefined for a key that names none. */
export function categoryOf(key: string): Category | undefined {
  const category = key.split('.')[0] as Category
  return CATEGORIES.includes(category) ? category : undefined
}
