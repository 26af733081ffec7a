import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsent } from '../src/core'
import type { Consent } from '../src/types'

const created: Consent[] = []
const make = () => {
  const consent = createConsent({ reloadOnWithdraw: false, categories: { analytics: { services: { posthog: {} } } } })
  created.push(consent)
  return consent
}
afterEach(() => {
  for (const consent of created.splice(0)) {
    consent.reset()
    consent.destroy()
  }
  vi.restoreAllMocks()
})

describe('when', () => {
  it('runs once, at the moment the key is granted, and not again', () => {
    const consent = make()
    const runs: string[] = []
    consent.when('analytics', () => runs.push('analytics'))
    consent.when('analytics.posthog', () => runs.push('posthog'))
    consent.when('marketing', () => runs.push('marketing'))
    expect(runs).toEqual([])
    consent.set({ analytics: true })
    consent.set({ analytics: false })
    consent.set({ analytics: true })
    expect(runs).toEqual(['analytics', 'posthog'])
  })

  it('runs at once for a returning visitor, during start-up', () => {
    make().acceptAll()
    const run = vi.fn()
    make().when('analytics', run)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('returns a function that cancels it', () => {
    const consent = make()
    const run = vi.fn()
    const cancel = consent.when('analytics', run)
    cancel()
    consent.acceptAll()
    expect(run).not.toHaveBeenCalled()
  })

  it('isolates a throw in run: logged, other callbacks and the decision go on', () => {
    const consent = make()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const after = vi.fn()
    consent.when('analytics', () => {
      throw new Error('vendor broke')
    })
    consent.when('analytics', after)
    expect(() => consent.acceptAll()).not.toThrow()
    expect(after).toHaveBeenCalledTimes(1)
    expect(consent.has('analytics')).toBe(true)
    expect(error).toHaveBeenCalledWith('[consentry] a when("analytics") callback threw', expect.any(Error))
  })
})
