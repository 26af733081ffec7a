import { warn } from '../warn'

type Sink = 'createScript' | 'createScriptURL'
type Policy = Record<Sink, (value: string) => string>

// Created once per page: a CSP may forbid a second policy with the same name.
let policy: Policy | 0 | undefined

/**
 * Passes script text or a script URL from the site's own gated markup through a
 * Trusted Types policy named `consentry`, so activation works under
 * `require-trusted-types-for 'script'`. Without Trusted Types it returns the string.
 */
export function trusted(value: string, sink: Sink): string {
  if (policy == null) {
    const same = (value: string): string => value
    try {
      policy = (self as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes?.createPolicy('consentry', { createScript: same, createScriptURL: same }) || 0
    } catch {
      policy = 0
      warn('the CSP trusted-types directive must allow the policy "consentry"')
    }
  }
  return policy ? policy[sink](value) : value
}
