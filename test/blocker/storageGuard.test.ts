import { afterEach, describe, expect, it } from 'vitest'
import { storageGuard } from '../../src/blocker/storageGuard'
import type { BlockedEntry } from '../../src/types'
import { cleanUp, start } from '../jsdom'

afterEach(cleanUp)

const CONFIG = {
  categories: {
    necessary: { cookies: ['session'], storage: ['cart'] },
    analytics: { cookies: ['_ga', '/^_ga_/', 'both'], storage: ['ph_key', '/^mp_/'] },
    marketing: { cookies: ['both'], services: { pixel: { cookies: ['_fbp'] } } },
  },
}
const names = () =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0])
const guarded = () => start(CONFIG, [storageGuard])

describe('storageGuard', () => {
  it('refuses declared cookies in every attribute form before a decision and lets others pass', () => {
    guarded()
    document.cookie = '_ga=1'
    document.cookie = '_ga_ABC=1; Path=/; Max-Age=600'
    document.cookie = ' _ga = 2 ; expires=Fri, 31 Dec 9999 23:59:59 GMT; domain=localhost'
    document.cookie = '_fbp=1;path=/;SameSite=Lax'
    document.cookie = 'theme=dark'
    document.cookie = 'session=abc'
    expect(names().sort()).toEqual(['session', 'theme'])
  })

  it('always lets deletions through, and the SDK cookie', () => {
    const consent = guarded()
    consent.acceptAll()
    document.cookie = '_ga=1;path=/'
    consent.rejectAll()
    document.cookie = '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
    expect(names()).toEqual(['consentry'])
    document.cookie = '_ga=1;path=/'
    expect(names()).toEqual(['consentry'])
    consent.acceptAll()
    document.cookie = '_ga=1;path=/'
    document.cookie = '_ga=;Max-Age=0;expires=Fri, 31 Dec 9999 23:59:59 GMT;path=/'
    expect(names()).toEqual(['consentry'])
  })

  it('lets writes through at once when granted and refuses them again after a withdrawal', () => {
    const consent = guarded()
    consent.set({ analytics: true })
    document.cookie = '_ga=1'
    localStorage.setItem('ph_key', '1')
    sessionStorage.setItem('mp_x', '1')
    expect(names()).toContain('_ga')
    expect([localStorage.getItem('ph_key'), sessionStorage.getItem('mp_x')]).toEqual(['1', '1'])
    consent.set({ analytics: false })
    localStorage.removeItem('ph_key')
    localStorage.setItem('ph_key', '2')
    expect(localStorage.getItem('ph_key')).toBeNull()
  })

  it('judges a service on its own and a name two keys declare by every one of them', () => {
    const consent = guarded()
    consent.set({ 'marketing.pixel': false, marketing: true })
    document.cookie = '_fbp=1'
    document.cookie = 'both=1'
    expect(names()).not.toContain('_fbp')
    expect(names()).not.toContain('both')
    consent.set({ analytics: true, 'marketing.pixel': true })
    document.cookie = '_fbp=1'
    document.cookie = 'both=1'
    expect(names()).toEqual(expect.arrayContaining(['_fbp', 'both']))
  })

  it('refuses declared storage keys and passes undeclared and necessary ones', () => {
    guarded()
    localStorage.setItem('ph_key', '1')
    sessionStorage.setItem('mp_session', '1')
    localStorage.setItem('cart', '1')
    localStorage.setItem('other', '1')
    expect(Object.keys(localStorage).sort()).toEqual(['cart', 'other'])
    expect(Object.keys(sessionStorage)).toEqual([])
  })

  it('reports each refused write once as a blocked event and a DOM event', () => {
    const consent = guarded()
    const seen: BlockedEntry[] = []
    const dom: unknown[] = []
    consent.on('blocked', (entry) => seen.push(entry))
    const listener = (event: Event) => dom.push((event as CustomEvent).detail)
    document.addEventListener('consentry:blocked', listener)
    document.cookie = '_ga=1'
    document.cookie = '_ga=2'
    localStorage.setItem('mp_a', '1')
    document.cookie = 'theme=1'
    document.removeEventListener('consentry:blocked', listener)
    expect(seen).toEqual([
      { kind: 'cookie', what: '_ga', keys: ['analytics'] },
      { kind: 'storage', what: 'mp_a', keys: ['analytics'] },
    ])
    expect(dom).toEqual(seen)
  })

  it('fails closed: a write it cannot judge is refused, and the page goes on', () => {
    guarded()
    const hostile = {
      toString: () => {
        throw new Error('no')
      },
    }
    expect(() => localStorage.setItem('ph_key', '1')).not.toThrow()
    document.cookie = hostile as never
    expect(names()).toEqual([])
  })

  it('is undone by destroy()', () => {
    const consent = guarded()
    consent.destroy()
    document.cookie = '_ga=1'
    localStorage.setItem('ph_key', '1')
    expect(names()).toEqual(['_ga'])
    expect(localStorage.getItem('ph_key')).toBe('1')
  })

  it('never refuses its own cookie, even to a rule that matches every name', () => {
    const consent = start({ categories: { analytics: { cookies: ['/./'] } } }, [storageGuard])
    consent.rejectAll()
    expect(names()).toEqual(['consentry'])
  })

  it('patches nothing without declared names', () => {
    const setter = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.set
    start({}, [storageGuard])
    expect(Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.set).toBe(setter)
  })
})
