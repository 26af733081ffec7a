// A consent record as the SDK posts it (src/store/createRecord.ts), shared by the receiver's tests.
let ids = 0

/** A record as the SDK sends it, with a fresh id unless `overrides` gives one. */
export function makeRecord(overrides: Record<string, unknown> = {}) {
  const n = (++ids).toString(16).padStart(12, '0')
  return {
    id: `4f1c2b7e-9a3d-4e5f-8a6b-${n}`,
    createdAt: '2026-11-01T09:30:00.000Z',
    updatedAt: '2026-11-20T12:00:00.000Z',
    expiresAt: '2027-05-21T12:00:00.000Z',
    revision: 3,
    choices: { necessary: true, analytics: true, 'analytics.hotjar': false, marketing: false, personalization: false },
    method: 'custom',
    gpc: false,
    language: 'en',
    textsHash: '1x2y3z',
    ...overrides,
  }
}
