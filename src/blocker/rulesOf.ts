import { keysOf } from '../store/keys'
import type { Category, NormalizedConfig, NormalizedRules } from '../types'

/** Every category and service with its rules, keyed as `has()` expects: `'analytics'`, `'analytics.hotjar'`. */
export const rulesOf = (config: NormalizedConfig): [key: string, rules: NormalizedRules][] =>
  keysOf(config).map((key) => {
    const [category, service] = key.split('.')
    const rules = config.categories[category as Category]
    return [key, service ? rules.services[service]! : rules]
  })
