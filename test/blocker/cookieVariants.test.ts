import { describe, expect, it } from 'vitest'
import { cookieVariants } from '../../src/blocker/cookieVariants'

describe('cookieVariants', () => {
  it('covers host-only and every parent domain on every path prefix', () => {
    expect(cookieVariants('www.site.test', '/shop/cart/view')).toEqual([
      ';path=/',
      ';path=/;domain=www.site.test',
      ';path=/;domain=site.test',
      ';path=/shop/cart/view',
      ';path=/shop/cart/view;domain=www.site.test',
      ';path=/shop/cart/view;domain=site.test',
      ';path=/shop',
      ';path=/shop;domain=www.site.test',
      ';path=/shop;domain=site.test',
      ';path=/shop/',
      ';path=/shop/;domain=www.site.test',
      ';path=/shop/;domain=site.test',
      ';path=/shop/cart',
      ';path=/shop/cart;domain=www.site.test',
      ';path=/shop/cart;domain=site.test',
      ';path=/shop/cart/',
      ';path=/shop/cart/;domain=www.site.test',
      ';path=/shop/cart/;domain=site.test',
    ])
  })

  it('leaves public suffixes to the browser and stops before the top-level label', () => {
    const domains = cookieVariants('a.b.example.co.uk', '/').map((v) => v.split(';domain=')[1])
    expect(domains).toEqual([undefined, 'a.b.example.co.uk', 'b.example.co.uk', 'example.co.uk', 'co.uk'])
  })

  it('gives ip addresses and single-label hosts host-only variants only', () => {
    expect(cookieVariants('127.0.0.1', '/')).toEqual([';path=/'])
    expect(cookieVariants('[::1]', '/')).toEqual([';path=/'])
    expect(cookieVariants('localhost', '/a/')).toEqual([';path=/', ';path=/a/', ';path=/a'])
  })
})
