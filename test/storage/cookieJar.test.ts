import Cookies from 'js-cookie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsent } from '../../src/core'
import type { Consent } from '../../src/types'

// DESIGN "Packages and layout": the stored decision's cookie and the withdrawal clean-up go through
// js-cookie. Every instance the SDK configures is recorded with what was done through it.
const calls: unknown[][] = []
function recordJsCookie(): void {
  const withAttributes = Cookies.withAttributes.bind(Cookies)
  vi.spyOn(Cookies, 'withAttributes').mockImplementation((attributes) => {
    calls.push(['withAttributes', attributes])
    const instance = withAttributes(attributes)
    return Object.assign(Object.create(instance), {
      set: (...args: Parameters<typeof instance.set>) => {
        calls.push(['set', ...args])
        return instance.set(...args)
      },
      remove: (...args: Parameters<typeof instance.remove>) => {
        calls.push(['remove', ...args])
        return instance.remove(...args)
      },
    })
  })
}

const created: Consent[] = []
afterEach(() => {
  created.splice(0).forEach((c) => c.destroy())
  for (const name of ['jar', '_ga', 'consentry']) document.cookie = name + '=; max-age=0; path=/'
  calls.splice(0)
  vi.restoreAllMocks()
})

describe('the stored decision through js-cookie', () => {
  it('writes and removes the decision with one instance configured with the cookie attributes', () => {
    recordJsCookie()
    const consent = createConsent({
      reloadOnWithdraw: false,
      cookie: { name: 'jar', sameSite: 'Strict', maxAgeDays: 30 },
    })
    created.push(consent)
    consent.acceptAll()
    const value = document.cookie
      .split('; ')
      .find((pair) => pair.startsWith('jar='))!
      .slice(4)
    expect(value).toMatch(/^1\.0\.111\./)
    consent.reset()
    expect(document.cookie).not.toContain('jar=')
    expect(calls).toEqual([
      ['withAttributes', { path: '/', domain: undefined, sameSite: 'Strict', secure: false }],
      ['set', 'jar', value, { expires: 30 }],
      ['remove', 'jar'],
    ])
  })

  it('reads back what js-cookie wrote', () => {
    const first = createConsent()
    created.push(first)
    first.set({ analytics: true })
    const returning = createConsent()
    created.push(returning)
    expect(returning.has('analytics')).toBe(true)
  })

  it('deletes a withdrawn category cookie through js-cookie on every variant and keeps its own', () => {
    const consent = createConsent({ reloadOnWithdraw: false, categories: { analytics: { cookies: ['_ga'] } } })
    created.push(consent)
    consent.set({ analytics: true })
    document.cookie = '_ga=GA1.1; path=/'
    recordJsCookie()
    consent.set({ analytics: false })
    expect(document.cookie).not.toContain('_ga=')
    expect(document.cookie).toContain('consentry=')
    const removed = calls.filter(([what]) => what == 'remove')
    expect(calls[0]).toEqual(['withAttributes', { secure: false }])
    expect(removed).toContainEqual(['remove', '_ga', { path: '/', domain: undefined }])
    expect(removed.every(([, name]) => name == '_ga')).toBe(true)
  })
})
