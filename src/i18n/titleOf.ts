import type { Messages, Rules } from '../types'

/**
 * The name shown for a category or service: the config's own title (the site named its
 * categories and services), else the translated one, else the key's last part.
 */
export function titleOf(messages: Messages, rules: Rules | undefined, key: string): string {
  return rules?.title || messages.categories[key]?.title || key.split('.').pop()!
}
