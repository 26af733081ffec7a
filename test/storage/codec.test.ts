import { describe, expect, it } from 'vitest'
import { decodeRecord, encodeRecord } from '../../src/storage/codec'
import type { ConsentRecord } from '../../src/types'

const keys = ['necessary', 'analytics', 'analytics.hotjar', 'marketing', 'personalization']
const now = Date.parse('2026-11-22T10:00:00Z') / 1000
const record: ConsentRecord = {
  id: '4f1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b',
  createdAt: '2026-11-01T09:30:00.000Z',
  updatedAt: '2026-11-20T12:00:00.000Z',
  expiresAt: '2027-05-21T12:00:00.000Z',
  revision: 3,
  choices: { necessary: true, analytics: true, 'analytics.hotjar': false, marketing: false, personalization: true },
  method: 'custom',
  gpc: true,
  language: 'pt-BR',
}

describe('the stored decision', () => {
  it('reads back exactly what was written', () => {
    expect(decodeRecord(encodeRecord(record, keys), keys, now)).toEqual(record)
  })

  it('is compact: under 100 characters for four categories and a service', () => {
    const value = encodeRecord(record, keys)
    expect(value).toMatch(/^1\.3\.1001\./)
    expect(value.length).toBeLessThan(100)
    expect(encodeURIComponent(value)).toBe(value)
  })

  it('means no decision when missing, malformed or of the wrong type', () => {
    for (const value of [undefined, '', 'yes', '{"analytics":true}', 42, null, '1.3.1111', 'x'.repeat(5000)])
      expect(decodeRecord(value, keys, now)).toBeNull()
  })

  it('rejects any single edited character', () => {
    const value = encodeRecord(record, keys)
    for (let i = 0; i < value.length; i++) {
      const flipped = value[i] == '1' ? '0' : value[i] == '0' ? '1' : value[i] == 'a' ? 'b' : 'a'
      expect(decodeRecord(value.slice(0, i) + flipped + value.slice(i + 1), keys, now)).toBeNull()
    }
  })

  it('rejects a value written for other categories or services', () => {
    const value = encodeRecord(record, keys)
    expect(
      decodeRecord(
        value,
        keys.filter((k) => k != 'analytics.hotjar'),
        now,
      ),
    ).toBeNull()
    expect(decodeRecord(value, [...keys, 'marketing.meta'], now)).toBeNull()
  })

  it('rejects an expired value and one dated in the future', () => {
    const value = encodeRecord(record, keys)
    expect(decodeRecord(value, keys, Date.parse(record.expiresAt) / 1000)).toBeNull()
    expect(decodeRecord(value, keys, Date.parse('2026-11-18T00:00:00Z') / 1000)).toBeNull()
  })

  it('rejects a lifetime beyond 13 months', () => {
    const long = { ...record, expiresAt: '2028-01-01T00:00:00.000Z' }
    expect(decodeRecord(encodeRecord(long, keys), keys, now)).toBeNull()
  })
})
