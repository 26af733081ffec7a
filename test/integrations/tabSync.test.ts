import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { tabSync } from '../../src/integrations/tabSync'
import type { Consent } from '../../src/types'

const made: Consent[] = []
const tab = () => {
  const consent = createConsentWith({}, [tabSync])
  made.push(consent)
  return consent
}
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  return check()
}

afterEach(() => {
  made[0]?.reset()
  made.splice(0).forEach((c) => c.destroy())
  vi.unstubAllGlobals()
})

describe('tabs', () => {
  it('carries a decision to the other tab over a broadcast channel', async () => {
    const [first, second] = [tab(), tab()]
    const seen: boolean[] = []
    second.on('change', (choices) => seen.push(choices.analytics))
    first.set({ analytics: true })
    expect(await until(() => second.has('analytics'))).toBe(true)
    expect(second.record()).toEqual(first.record())
    expect(seen).toEqual([true])
  })

  it('posts a withdrawal in the task of the decision: the tab may reload before it paints', () => {
    const posted: unknown[] = []
    const post = vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation((value) => {
      posted.push(value)
    })
    const first = tab()
    first.set({ analytics: true })
    expect(posted).toEqual([]) // a grant waits for the next paint
    first.set({ analytics: false })
    expect(posted).toEqual([expect.stringMatching(/^1\./)])
    post.mockRestore()
  })

  it('hands the other tab state that cannot be edited in place', async () => {
    const [first, second] = [tab(), tab()]
    first.set({ analytics: true })
    expect(await until(() => second.has('analytics'))).toBe(true)
    expect(() => Object.assign(second.get(), { marketing: true })).toThrow(TypeError)
    expect(() => Object.assign(second.record()!.choices, { marketing: true })).toThrow(TypeError)
    expect(() => Object.assign(second.record()!, { revision: 9 })).toThrow(TypeError)
    expect(second.has('marketing')).toBe(false)
  })

  it('carries a reset, and the other tab asks again', async () => {
    const [first, second] = [tab(), tab()]
    const banners: number[] = []
    second.on('banner', () => banners.push(1))
    first.acceptAll()
    await until(() => second.decided)
    first.reset()
    expect(await until(() => !second.decided)).toBe(true)
    expect(second.get().marketing).toBe(false)
    expect(banners).toEqual([1])
  })

  it('re-reads the cookie when a tab comes back into view, without a broadcast channel', async () => {
    vi.stubGlobal('BroadcastChannel', undefined)
    const [first, second] = [tab(), tab()]
    first.set({ personalization: true })
    await new Promise((r) => setTimeout(r, 20))
    expect(second.has('personalization')).toBe(false)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(second.has('personalization')).toBe(true)
  })
})
