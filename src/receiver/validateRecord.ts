import type { ReceivedMethod, ReceivedRecord } from './types'

/** What is wrong with a posted record: the field (a dotted path) and why. */
export interface RecordProblem {
  field: string
  error: string
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
// The SDK's own checks: a BCP 47-like tag (the cookie codec's), service names of config's `[\w-]+`.
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}$/
const CHOICE_KEY = /^(necessary|analytics|marketing|personalization)(\.[\w-]{1,64})?$/
// 32-bit FNV-1a in base 36 (src/hash.ts).
const TEXTS_HASH = /^[0-9a-z]{1,7}$/
const METHODS: readonly ReceivedMethod[] = ['accept-all', 'reject-all', 'custom', 'withdraw']
const CATEGORIES = ['necessary', 'analytics', 'marketing', 'personalization']
const MAX_CHOICES = 64
const DAY = 864e5
// The SDK caps cookie.maxAgeDays at 395, so a decision never lasts longer.
const MAX_VALIDITY = 395 * DAY
// A visitor's clock may run ahead; a day more is a wrong clock or a forgery.
const MAX_CLOCK_AHEAD = DAY

const FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'revision',
  'choices',
  'method',
  'gpc',
  'language',
  'textsHash',
]

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value)
const isTime = (value: unknown): value is string =>
  typeof value == 'string' && ISO_TIME.test(value) && new Date(value).toISOString() === value
const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value)

function choicesProblem(choices: unknown): RecordProblem | null {
  if (!isObject(choices)) return { field: 'choices', error: `must be an object, got ${describe(choices)}` }
  const keys = Object.keys(choices)
  if (keys.length > MAX_CHOICES) return { field: 'choices', error: `has ${keys.length} keys, at most ${MAX_CHOICES}` }
  for (const key of keys) {
    if (!CHOICE_KEY.test(key)) return { field: 'choices', error: `has an unknown key "${key.slice(0, 80)}"` }
    if (typeof choices[key] != 'boolean')
      return { field: 'choices.' + key, error: `must be true or false, got ${describe(choices[key])}` }
  }
  for (const category of CATEGORIES)
    if (!(category in choices)) return { field: 'choices.' + category, error: 'is missing' }
  if (choices.necessary !== true) return { field: 'choices.necessary', error: 'must be true' }
  return null
}

/**
 * Checks a posted body against exactly what the SDK sends (src/store/createRecord.ts and
 * src/integrations/consentRecords.ts): no other field, each of its type and form. Returns the
 * record, or the first problem. `now` (ms) bounds how far in the future a decision may be.
 */
export function validateRecord(body: unknown, now: number): { record: ReceivedRecord } | { problem: RecordProblem } {
  const fail = (field: string, error: string) => ({ problem: { field, error } })
  if (!isObject(body)) return fail('', `the body must be a JSON object, got ${describe(body)}`)
  for (const key of Object.keys(body))
    if (!FIELDS.includes(key)) return fail(key.slice(0, 80), 'is not a field of a consent record')
  for (const key of FIELDS) if (!(key in body)) return fail(key, 'is missing')
  const { id, createdAt, updatedAt, expiresAt, revision, choices, method, gpc, language, textsHash } = body
  if (typeof id != 'string' || !UUID_V4.test(id)) return fail('id', 'must be a lowercase UUID v4')
  for (const [field, value] of [
    ['createdAt', createdAt],
    ['updatedAt', updatedAt],
    ['expiresAt', expiresAt],
  ] as const)
    if (!isTime(value)) return fail(field, 'must be an ISO 8601 UTC time like 2026-01-31T12:00:00.000Z')
  const [created, updated, expires] = [createdAt, updatedAt, expiresAt].map((t) => Date.parse(t as string)) as [
    number,
    number,
    number,
  ]
  if (created > updated) return fail('createdAt', 'must not be after updatedAt')
  if (updated > now + MAX_CLOCK_AHEAD) return fail('updatedAt', 'is more than a day in the future')
  if (!(expires > updated && expires - updated <= MAX_VALIDITY))
    return fail('expiresAt', 'must be after updatedAt, by at most 395 days')
  if (typeof revision != 'number' || !Number.isSafeInteger(revision) || revision < 0)
    return fail('revision', `must be a whole number >= 0, got ${describe(revision)}`)
  const choicesError = choicesProblem(choices)
  if (choicesError) return { problem: choicesError }
  if (!METHODS.includes(method as ReceivedMethod)) return fail('method', 'must be one of ' + METHODS.join(', '))
  if (typeof gpc != 'boolean') return fail('gpc', `must be true or false, got ${describe(gpc)}`)
  if (typeof language != 'string' || language.length > 35 || !LANGUAGE.test(language))
    return fail('language', 'must be a language tag like en or pt-BR')
  if (typeof textsHash != 'string' || !TEXTS_HASH.test(textsHash))
    return fail('textsHash', 'must be 1 to 7 characters of 0-9 and a-z')
  return { record: body as unknown as ReceivedRecord }
}
