import { describe, expect, it } from 'vitest'
import { cookieVariants } from '../../src/blocker/cookieVariants'

describe('cookieVariants', () => {
  it('covers host-only and every parent domain on every path prefix', () => {
    expect(cookieVariants('www.site.test', '/shop/cart/view')).toEqual([
      { path: '/', domain: undefined },
      { path: '/', domain: 'www.site.test' },
      { path: '/', domain: 'site.test' },
      { path: '/shop/cart/view', domain: undefined },
      { path: '/shop/cart/view', domain: 'www.site.test' },
      { path: '/shop/cart/view', domain: 'site.test' },
      { path: '/shop', domain: undefined },
      { path: '/shop', domain: 'www.site.test' },
      { path: '/shop', domain: 'site.test' },
      { path: '/shop/', domain: undefined },
      { path: '/shop/', domain: 'www.site.test' },
      { path: '/shop/', domain: 'site.test' },
      { path: '/shop/cart', domain: undefined },
      { path: '/shop/cart', domain: 'www.site.test' },
      { path: '/shop/cart', domain: 'site.test' },
      { path: '/shop/cart/', domain: undefined },
      { path: '/shop/cart/', domain: 'www.site.test' },
      { path: '/shop/cart/', domain: 'site.test' },
    ])
  })

  it('leaves public suffixes to the browser and stops before the top-level label', () => {
    const domains = cookieVariants('a.b.example.co.uk', '/').map((v) => v.domain)
    expect(domains).toEqual([undefined, 'a.b.example.co.uk', 'b.example.co.uk', 'example.co.uk', 'co.uk'])
  })

  it('gives ip addresses and single-label hosts host-only variants only', () => {
    expect(cookieVariants('127.0.0.1', '/')).toEqual([{ path: '/', domain: undefined }])
    expect(cookieVariants('[::1]', '/')).toEqual([{ path: '/', domain: undefined }])
    expect(cookieVariants('localhost', '/a/')).toEqual([
      { path: '/', domain: undefined },
      { path: '/a/', domain: undefined },
      { path: '/a', domain: undefined },
    ])
  })
})
