import { h } from './h'
import type { Kid } from './h'

/**
 * The privacy-policy link. `config.policyUrl` arrives validated (http(s) or relative;
 * `normalizeConfig` refuses `javascript:` and `data:` with a warning), so it is used as is.
 */
export const policyLink = (url: string | undefined, text: string | undefined): Kid =>
  url && text && h('a', { href: url, part: 'link' }, text)
