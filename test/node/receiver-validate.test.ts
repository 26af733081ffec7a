// What the receiver accepts is exactly what the SDK sends (src/store/createRecord.ts, src/integrations/consentRecords.ts).
import { describe, expect, it } from 'vitest'
import { validateRecord } from '../../src/receiver/validateRecord'
import { createRecord } from '../../src/store/createRecord'
import { shortHash } from '../../src/hash'
import { makeRecord } from './record'

const NOW = Date.parse('2026-12-01T12:00:00.000Z')
const record = makeRecord({ id: '4f1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b' })
const problem = (body: unknown) => {
  const result = validateRecord(body, NOW)
  return 'problem' in result ? result.problem : null
}

describe('validating a posted consent record', () => {
  it('accepts what the SDK makes, for each method and a withdrawal', () => {
    const ctx = { revision: 2, maxAgeDays: 395, gpc: true, language: 'pt-BR', now: NOW }
    const first = createRecord(
      null,
      { necessary: true, analytics: true, marketing: true, personalization: true },
      'accept-all',
      ctx,
    )
    const second = createRecord(
      first,
      { necessary: true, analytics: false, marketing: true, personalization: true },
      'custom',
      { ...ctx, now: NOW + 5000 },
    )
    for (const made of [first, second]) expect(problem({ ...made, textsHash: shortHash('texts') })).toBeNull()
    expect(second.method).toBe('withdraw')
    expect(problem(record)).toBeNull()
    expect(problem({ ...record, expiresAt: '2026-11-20T20:00:00.123Z' })).toBeNull()
  })

  it('names the field of each malformed, missing or unknown value', () => {
    const cases: [unknown, string][] = [
      [{ ...record, ip: '203.0.113.9' }, 'ip'],
      [{ ...record, userAgent: 'Mozilla/5.0' }, 'userAgent'],
      [{ ...record, textsHash: undefined }, 'textsHash'],
      [{ ...record, id: 'not-a-uuid' }, 'id'],
      [{ ...record, id: record.id.toUpperCase() }, 'id'],
      [{ ...record, id: '4f1c2b7e-9a3d-1e5f-8a6b-1c2d3e4f5a6b' }, 'id'],
      [{ ...record, createdAt: '2026-11-01T09:30:00Z' }, 'createdAt'],
      [{ ...record, updatedAt: '2026-02-30T12:00:00.000Z' }, 'updatedAt'],
      [{ ...record, expiresAt: 1790000000000 }, 'expiresAt'],
      [{ ...record, createdAt: '2026-11-21T00:00:00.000Z' }, 'createdAt'],
      [{ ...record, updatedAt: '2026-12-03T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z' }, 'updatedAt'],
      [{ ...record, expiresAt: '2028-01-01T00:00:00.000Z' }, 'expiresAt'],
      [{ ...record, expiresAt: record.updatedAt }, 'expiresAt'],
      [{ ...record, revision: -1 }, 'revision'],
      [{ ...record, revision: 1.5 }, 'revision'],
      [{ ...record, revision: '3' }, 'revision'],
      [{ ...record, revision: 2 ** 53 }, 'revision'],
      [{ ...record, choices: [] }, 'choices'],
      [{ ...record, choices: { ...record.choices, necessary: false } }, 'choices.necessary'],
      [{ ...record, choices: { necessary: true, analytics: true, marketing: false } }, 'choices.personalization'],
      [{ ...record, choices: { ...record.choices, analytics: 'yes' } }, 'choices.analytics'],
      [{ ...record, choices: { ...record.choices, tracking: true } }, 'choices'],
      [{ ...record, choices: { ...record.choices, 'analytics.a b': true } }, 'choices'],
      [{ ...record, choices: JSON.parse('{"__proto__": true, "necessary": true}') }, 'choices'],
      [{ ...record, choices: Object.fromEntries([...Array(65)].map((_, i) => ['analytics.s' + i, true])) }, 'choices'],
      [{ ...record, method: 'implied' }, 'method'],
      [{ ...record, gpc: 'false' }, 'gpc'],
      [{ ...record, language: 'english language' }, 'language'],
      [{ ...record, language: 'en-' + 'x'.repeat(40) }, 'language'],
      [{ ...record, textsHash: 'ABCDEF' }, 'textsHash'],
      [{ ...record, textsHash: '12345678' }, 'textsHash'],
      [JSON.parse(JSON.stringify({ ...record }).replace('{', '{"__proto__":{"admin":true},')), '__proto__'],
    ]
    expect(cases.map(([body]) => problem(JSON.parse(JSON.stringify(body) ?? 'null'))?.field)).toEqual(
      cases.map(([, field]) => field),
    )
  })

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'text', 42])
      expect(problem(body)).toEqual({ field: '', error: expect.stringContaining('JSON object') })
  })
})
