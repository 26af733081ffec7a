import type { Category, NormalizedConfig } from '../types'

export const CATEGORIES: Category[] = ['necessary', 'analytics', 'marketing', 'personalization']

/** Longest lifetime of a stored decision: 13 months, the CNIL's ceiling. */
export const MAX_AGE_DAYS = 395

export function defaults(): NormalizedConfig {
  return {
    revision: 0,
    categories: Object.fromEntries(
      CATEGORIES.map((category) => [category, { services: {} }]),
    ) as NormalizedConfig['categories'],
    cookie: { name: 'consentry', path: '/', sameSite: 'Lax', maxAgeDays: 182 },
    language: 'auto',
    translations: {},
    googleConsentMode: false,
    gpc: true,
    reloadOnWithdraw: true,
    floatingButton: false,
    theme: 'auto',
  }
}
