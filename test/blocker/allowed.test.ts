import { describe, expect, it } from 'vitest'
import { allowed } from '../../src/blocker/allowed'
import type { Consent } from '../../src/types'

const granting = (...keys: string[]) => ({ has: (key: string) => key == 'necessary' || keys.includes(key) }) as Consent

describe('allowed', () => {
  it('holds when every listed key is granted', () => {
    expect(allowed(granting('analytics', 'marketing'), 'analytics marketing')).toBe(true)
    expect(allowed(granting('analytics'), 'analytics marketing')).toBe(false)
    expect(allowed(granting('analytics'), '  analytics\n')).toBe(true)
  })

  it('holds for a !key only while that key is refused', () => {
    expect(allowed(granting(), '!marketing')).toBe(true)
    expect(allowed(granting('marketing'), '!marketing')).toBe(false)
    expect(allowed(granting('analytics'), 'analytics !marketing')).toBe(true)
  })

  it('answers for services as the store does', () => {
    expect(allowed(granting('analytics', 'analytics.hotjar'), 'analytics.hotjar')).toBe(true)
    expect(allowed(granting('analytics'), 'analytics.hotjar')).toBe(false)
  })

  it('never holds for an empty value', () => {
    expect(allowed(granting('analytics'), '')).toBe(false)
    expect(allowed(granting('analytics'), '   ')).toBe(false)
  })

  it('never holds when the lookup throws', () => {
    const broken = {
      has: () => {
        throw new Error('broken store')
      },
    } as unknown as Consent
    expect(allowed(broken, 'analytics')).toBe(false)
    expect(allowed(broken, '!analytics')).toBe(false)
  })
})
