import type { NormalizedConfig, Rules } from '../types'

/** Every category and service with its rules, keyed as `has()` expects: `'analytics'`, `'analytics.hotjar'`. */
export function rulesOf(config: NormalizedConfig): [key: string, rules: Rules][] {
  const all: [string, Rules][] = []
  for (const [category, rules] of Object.entries(config.categories)) {
    all.push([category, rules])
    for (const [service, own] of Object.entries(rules.services || {})) all.push([category + '.' + service, own])
  }
  return all
}
