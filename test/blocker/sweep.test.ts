import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConsentConfig } from '../../src/types'
import { cleanUp, start } from '../jsdom'

afterEach(cleanUp)

const CONFIG: ConsentConfig = {
  categories: {
    analytics: {
      cookies: ['_ga', '/^_ga_/'],
      storage: ['/^amp_/'],
      services: { hotjar: { cookies: ['_hjid'], storage: ['hj'] }, matomo: {} },
    },
    marketing: { cookies: ['_fbp'], storage: ['fb'] },
  },
}

const cookieNames = () =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0])
    .sort()

describe('createBlocker: withdrawal clean-up', () => {
  it('deletes the cookies and storage keys of a withdrawn category and keeps the rest', () => {
    const consent = start(CONFIG)
    consent.acceptAll()
    for (const name of ['_ga', '_ga_ABC', '_gat', '_fbp', '_hjid']) document.cookie = `${name}=1;path=/`
    localStorage.setItem('amp_123', '1')
    sessionStorage.setItem('amp_456', '1')
    localStorage.setItem('fb', '1')
    localStorage.setItem('hj', '1')
    consent.set({ analytics: false })
    expect(cookieNames()).toEqual(['_fbp', '_gat', 'consentry'])
    expect(Object.keys(localStorage).sort()).toEqual(['fb'])
    expect(Object.keys(sessionStorage)).toEqual([])
  })

  it('deletes what a withdrawn service stored while its category stays granted', () => {
    const consent = start(CONFIG)
    consent.acceptAll()
    document.cookie = '_hjid=1;path=/'
    document.cookie = '_ga=1;path=/'
    localStorage.setItem('hj', '1')
    consent.set({ 'analytics.hotjar': false })
    expect(cookieNames()).toEqual(['_ga', 'consentry'])
    expect(localStorage.getItem('hj')).toBeNull()
  })

  it('deletes cookies written on a deeper path', () => {
    const consent = start(CONFIG)
    consent.acceptAll()
    history.replaceState(null, '', '/shop/cart/view')
    document.cookie = '_ga=1;path=/shop'
    document.cookie = '_ga=2;path=/shop/cart/'
    consent.set({ analytics: false })
    expect(cookieNames()).toEqual(['consentry'])
    history.replaceState(null, '', '/')
  })

  it('deletes leftovers of refused categories at start', () => {
    document.cookie = '_fbp=1;path=/'
    localStorage.setItem('fb', '1')
    start(CONFIG)
    expect(cookieNames()).toEqual([])
    expect(localStorage.getItem('fb')).toBeNull()
  })

  it('never deletes its own decision cookie, even when a pattern matches it', () => {
    const consent = start({ categories: { analytics: { cookies: ['/.*/'] } } })
    consent.acceptAll()
    consent.set({ analytics: false })
    expect(cookieNames()).toEqual(['consentry'])
    expect(consent.decided).toBe(true)
  })

  it('reads no cookie and opens no storage area that no refused rule could match', () => {
    const cookieGetter = vi.spyOn(Document.prototype, 'cookie', 'get')
    const local = vi.spyOn(window, 'localStorage', 'get')
    const session = vi.spyOn(window, 'sessionStorage', 'get')
    const consent = start({ categories: { analytics: { storage: ['amp'] } } })
    const readsAtStart = cookieGetter.mock.calls.length
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([1, 1])
    consent.acceptAll()
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([1, 1])
    consent.set({ analytics: false })
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([2, 2])
    // The decision cookie is read once at start; the sweep never reads the jar without cookie rules.
    expect(readsAtStart).toBe(1)
    expect(cookieGetter.mock.calls.length).toBe(readsAtStart)
    vi.restoreAllMocks()
  })
})
