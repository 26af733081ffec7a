// @vitest-environment node
// The stored decision is read from a cookie anyone can edit: 100,000 random and mutated
// values must never make the decoder throw, nor grant anything that was not granted.
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { decodeRecord, encodeRecord } from '../../src/storage/codec'
import { keysOf } from '../../src/store/keys'
import type { Category, ConsentRecord, Method, NormalizedConfig } from '../../src/types'
import { fuzzRuns } from './fuzzRuns'

const DAY = 86400
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'withdraw']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Consent keys as `keysOf` orders them: four categories, each with 0–3 services. */
const services = fc.uniqueArray(fc.stringMatching(/^[a-z][\w-]{0,7}$/), { maxLength: 3 })
const keysArb = fc
  .record({ necessary: services, analytics: services, marketing: services, personalization: services })
  .map((byCategory) => {
    const categories = {} as NormalizedConfig['categories']
    for (const [category, names] of Object.entries(byCategory))
      categories[category as Category] = { services: Object.fromEntries(names.map((n) => [n, {}])) }
    return keysOf({ categories } as NormalizedConfig)
  })

/** A real decision for some keys, and a `now` (seconds) at which it is valid. */
const decisionArb = fc
  .record({
    keys: keysArb,
    id: fc.uuid({ version: 4 }),
    created: fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }),
    age: fc.integer({ min: 0, max: 800 * DAY }),
    life: fc.integer({ min: 2, max: 395 * DAY }),
    into: fc.double({ min: 0, max: 1, noNaN: true }),
    revision: fc.oneof(fc.nat(20), fc.maxSafeNat()),
    bits: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    method: fc.constantFrom(...METHODS),
    gpc: fc.boolean(),
    language: fc.constantFrom('en', 'de', 'pt-BR', 'zh-Hant-TW', 'ar', 'fil'),
  })
  .map((d) => {
    const iso = (s: number) => new Date(s * 1000).toISOString()
    const updated = d.created + d.age
    const record: ConsentRecord = {
      id: d.id,
      createdAt: iso(d.created),
      updatedAt: iso(updated),
      expiresAt: iso(updated + d.life),
      revision: d.revision,
      choices: Object.fromEntries([['necessary', true], ...d.keys.slice(1).map((k, i) => [k, d.bits[i]!])]),
      method: d.method,
      gpc: d.gpc,
      language: d.language,
    } as ConsentRecord
    return { keys: d.keys, record, now: updated + Math.floor(d.into * (d.life - 1)) }
  })

/** Characters a tamperer would try: the format's own, separators, cookie specials, non-ASCII. */
const char = fc.oneof(
  fc.constantFrom(...'01.9az-AZ_=;%+/ \t\n\u0000é€😀'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const text = (maxLength: number) => fc.string({ unit: char, maxLength })

/** One edit of an encoded value, as data, so a failure prints which edit it was. */
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.nat(), with: char }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat(), fromEnd: fc.boolean() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), with: text(6) }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('swap fields'), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate field'), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop field'), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace field'), at: fc.nat(), with: text(12) }),
  // The attack that matters: switch every category on and keep (or guess) the check.
  fc.record({ kind: fc.constant('grant all'), extra: fc.integer({ min: -1, max: 1 }) }),
  fc.record({ kind: fc.constant('guess check'), with: fc.stringMatching(/^[0-9a-z]{1,7}$/) }),
  fc.record({ kind: fc.constant('case'), upper: fc.boolean() }),
)
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never

function mutate(value: string, m: Mutation): string {
  const at = (n: number, length: number) => (length ? n % length : 0)
  const fields = value.split('.')
  const field = (n: number) => at(n, fields.length)
  switch (m.kind) {
    case 'flip': {
      const i = at(m.at, value.length)
      return value.slice(0, i) + m.with + value.slice(i + 1)
    }
    case 'truncate': {
      const i = at(m.at, value.length)
      return m.fromEnd ? value.slice(0, i) : value.slice(i)
    }
    case 'insert': {
      const i = at(m.at, value.length + 1)
      return value.slice(0, i) + m.with + value.slice(i)
    }
    case 'delete': {
      const i = at(m.at, value.length)
      return value.slice(0, i) + value.slice(i + m.length)
    }
    case 'swap fields': {
      const [i, j] = [field(m.at), field(m.other)]
      ;[fields[i], fields[j]] = [fields[j]!, fields[i]!]
      return fields.join('.')
    }
    case 'duplicate field':
      fields.splice(field(m.at), 0, fields[field(m.at)]!)
      return fields.join('.')
    case 'drop field':
      fields.splice(field(m.at), 1)
      return fields.join('.')
    case 'replace field':
      fields[field(m.at)] = m.with
      return fields.join('.')
    case 'grant all':
      if (fields.length > 2) fields[2] = '1'.repeat(Math.max(0, fields[2]!.length + m.extra))
      return fields.join('.')
    case 'guess check':
      fields[fields.length - 1] = m.with
      return fields.join('.')
    case 'case':
      return m.upper ? value.toUpperCase() : value.toLowerCase()
  }
}

/** What any non-null answer must be: a whole decision over exactly `keys`, valid at `now`. */
function expectWholeDecision(decoded: ConsentRecord, keys: string[], now: number): void {
  expect(Object.keys(decoded.choices).sort()).toEqual([...keys].sort())
  expect(Object.values(decoded.choices).every((v) => typeof v == 'boolean')).toBe(true)
  expect(decoded.choices.necessary).toBe(true)
  expect(METHODS).toContain(decoded.method)
  expect(typeof decoded.gpc).toBe('boolean')
  expect(decoded.id).toMatch(UUID)
  expect(Number.isSafeInteger(decoded.revision) && decoded.revision >= 0).toBe(true)
  expect(Date.parse(decoded.createdAt) <= Date.parse(decoded.updatedAt)).toBe(true)
  expect(Date.parse(decoded.expiresAt) / 1000).toBeGreaterThan(now)
}

const tally = { random: 0, randomAccepted: 0, mutated: 0, mutatedIdentical: 0, mutatedAccepted: 0 }
afterAll(() => console.info('[fuzz] cookie values:', JSON.stringify(tally)))

// Generous timeouts: the runs take a few seconds alone, more on a busy two-core machine.
describe('decoding a stored decision', { timeout: 60_000 }, () => {
  it('survives 50,000 random values: no throw, only null or a whole decision', () => {
    const now = 1_800_000_000
    // Values shaped like the format, with plausible times, so only the check stands in the way.
    const forged = fc
      .tuple(
        fc.stringMatching(/^[0-9a-z]{1,11}$/),
        fc.stringMatching(/^[01]{0,12}$/),
        fc.constantFrom(now - DAY, now - 60, now),
        fc.integer({ min: 1, max: 395 }),
        fc.constantFrom('0', '1', '2', '3', '4'),
        fc.constantFrom('0', '1'),
        fc.constantFrom('en', 'de', 'pt-BR'),
        fc.uuid(),
        fc.stringMatching(/^[0-9a-z]{1,7}$/),
      )
      .map(([rev, bits, t, days, method, gpc, lang, id, check]) =>
        [
          '1',
          rev,
          bits,
          t.toString(36),
          t.toString(36),
          (t + days * DAY).toString(36),
          method,
          gpc,
          lang,
          id,
          check,
        ].join('.'),
      )
    const value = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'1.0-az9'), maxLength: 120 }),
      fc.string({ minLength: 280, maxLength: 420, unit: fc.constantFrom(...'1.0-az9') }),
      forged,
      fc.anything(),
    )
    // Ten values per run: 5,000 runs, 50,000 values, and shrinking still finds the one that failed.
    fc.assert(
      fc.property(keysArb, fc.array(value, { minLength: 10, maxLength: 10 }), (keys, cookies) => {
        for (const cookie of cookies) {
          tally.random++
          const decoded = decodeRecord(cookie, keys, now)
          if (decoded) {
            tally.randomAccepted++
            expectWholeDecision(decoded, keys, now)
          }
        }
      }),
      fuzzRuns(5_000),
    )
    if (!process.env.FUZZ_PATH) expect(tally.random).toBe(50_000) // a replay runs from its path on
  })

  it('survives 50,000 mutations of real values: never a grant the original did not have', () => {
    // Ten mutated copies of each real value: 5,000 runs, 50,000 values.
    const edits = fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), { minLength: 10, maxLength: 10 })
    fc.assert(
      fc.property(decisionArb, edits, ({ keys, record, now }, edits) => {
        const original = encodeRecord(record, keys)
        const back = decodeRecord(original, keys, now)
        if (JSON.stringify(back) !== JSON.stringify(record)) expect(back).toEqual(record)
        for (const mutations of edits) {
          const mutated = mutations.reduce(mutate, original)
          tally.mutated++
          const decoded = decodeRecord(mutated, keys, now)
          if (mutated === original) tally.mutatedIdentical++
          else if (decoded) {
            // Only a value whose check still matches decodes; that must not widen any grant.
            tally.mutatedAccepted++
            expectWholeDecision(decoded, keys, now)
            for (const key of keys) if (decoded.choices[key]) expect(record.choices[key], key).toBe(true)
          }
        }
      }),
      fuzzRuns(5_000),
    )
    if (!process.env.FUZZ_PATH) expect(tally.mutated).toBe(50_000) // a replay runs from its path on
  })

  it('refuses a real value read under a config with other categories or services', () => {
    fc.assert(
      fc.property(keysArb, keysArb, (written, read) => {
        fc.pre(written.join() !== read.join())
        const record = {
          id: '4f1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b',
          createdAt: '2026-11-01T00:00:00.000Z',
          updatedAt: '2026-11-01T00:00:00.000Z',
          expiresAt: '2027-05-01T00:00:00.000Z',
          revision: 0,
          choices: Object.fromEntries(written.map((k) => [k, true])),
          method: 'accept-all',
          gpc: false,
          language: 'en',
        } as ConsentRecord
        expect(decodeRecord(encodeRecord(record, written), read, Date.parse('2026-12-01') / 1000)).toBeNull()
      }),
      fuzzRuns(2_000),
    )
  })
})
