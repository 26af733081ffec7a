import { describe, expect, it } from 'vitest'
import type { ConsentConfig } from '../../src/types'
import { googleAnalytics, hotjar, withVendors, youtube } from '../../src/vendors'

describe('withVendors', () => {
  it('puts each preset under its category as a service named by its id, declared', () => {
    const config = withVendors({ revision: 2 }, googleAnalytics, youtube)
    expect(config.revision).toBe(2)
    expect(Object.keys(config.categories!)).toEqual(['analytics', 'marketing'])
    expect(config.categories!.analytics!.services!['google-analytics']).toEqual({
      title: 'Google Analytics',
      provider: 'Google LLC',
      privacyPolicy: 'https://policies.google.com/privacy',
      block: googleAnalytics.block,
      cookies: googleAnalytics.cookies.map(({ name, duration, purpose }) => ({ name, duration, purpose })),
      storage: [],
    })
    expect(Object.keys(config.categories!.marketing!.services!)).toEqual(['youtube'])
  })

  it('keeps what the config already says and changes neither the config nor the presets', () => {
    const original: ConsentConfig = {
      categories: {
        analytics: {
          title: 'Statistics',
          cookies: ['own'],
          services: { hotjar: { title: 'Heatmaps' }, other: { block: ['x.test'] } },
        },
      },
    }
    const snapshot = structuredClone(original)
    const hotjarBefore = structuredClone(hotjar)
    const config = withVendors(original, hotjar, googleAnalytics)
    const analytics = config.categories!.analytics!
    expect(analytics.title).toBe('Statistics')
    expect(analytics.cookies).toEqual(['own'])
    expect(Object.keys(analytics.services!)).toEqual(['hotjar', 'other', 'google-analytics'])
    expect(analytics.services!.hotjar).toMatchObject({ title: 'Heatmaps', provider: 'Hotjar Ltd', block: hotjar.block })
    expect(original).toEqual(snapshot)
    expect(hotjar).toEqual(hotjarBefore)
    // The service's arrays are copies: editing the config never edits the catalogue.
    analytics.services!.hotjar!.block!.push('changed.test')
    expect(hotjar.block).toEqual(hotjarBefore.block)
  })

  it('files a spread preset under the category it is given', () => {
    const config = withVendors({}, { ...hotjar, category: 'marketing' })
    expect(Object.keys(config.categories!)).toEqual(['marketing'])
    expect(config.categories!.marketing!.services!.hotjar!.title).toBe('Hotjar')
  })
})
