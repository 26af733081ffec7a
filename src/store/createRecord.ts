import type { Choices, ConsentRecord, Method } from '../types'
import { newId } from './newId'
import { DAY, isoOf, secondsOf } from './time'
import { withdraws } from './choices'

export interface RecordContext {
  revision: number
  maxAgeDays: number
  gpc: boolean
  language: string
  /** Milliseconds since the epoch. */
  now: number
}

/**
 * The record of a new decision. It keeps the id and creation time of the one it updates;
 * times are whole seconds, as stored, so a record reads back equal after a reload.
 * Any decision that takes back a grant is recorded as a withdrawal.
 */
export function createRecord(
  previous: ConsentRecord | null,
  choices: Choices,
  method: Method,
  ctx: RecordContext,
): ConsentRecord {
  // Whole seconds, as the cookie stores them; each decision at least a second after the one before,
  // so two decisions within one second stay two records (a receiver keys retries by id + updatedAt).
  const now = Math.max(Math.floor(ctx.now / 1000), previous ? secondsOf(previous.updatedAt) + 1 : 0)
  const updatedAt = isoOf(now)
  return Object.freeze({
    id: previous ? previous.id : newId(),
    createdAt: previous ? previous.createdAt : updatedAt,
    updatedAt,
    expiresAt: isoOf(now + ctx.maxAgeDays * DAY),
    revision: ctx.revision,
    choices: Object.freeze(choices),
    method: previous && withdraws(previous.choices, choices) ? 'withdraw' : method,
    gpc: ctx.gpc,
    language: ctx.language,
  })
}
