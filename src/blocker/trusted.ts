import { warn } from '../warn'

type Sink = 'createScript' | 'createScriptURL'
type Policy = Record<Sink, (value: string) => string>

const same = (value: string): string => value

// Created once per page (a CSP may forbid a second policy with the same name): the `consentry`
// policy, or where there is none (no Trusted Types, or the CSP refused it) functions that
// return the string as it is.
let policy: Policy | undefined

/**
 * Passes script text or a script URL from the site's own gated markup through a
 * Trusted Types policy named `consentry`, so activation works under
 * `require-trusted-types-for 'script'`. Without Trusted Types it returns the string.
 */
export function trusted(value: string, sink: Sink): string {
  if (!policy) {
    policy = { createScript: same, createScriptURL: same }
    try {
      const types = (self as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes
      if (types) policy = types.createPolicy('consentry', policy)
    } catch {
      warn('the CSP trusted-types directive must allow the policy "consentry"')
    }
  }
  return policy[sink](value)
}
