import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error an example in plain JavaScript, without types
import { createRecordReceiver } from '../../examples/records/receiver.mjs'

const record = {
  id: '4f1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b',
  createdAt: '2026-11-01T09:30:00.000Z',
  updatedAt: '2026-11-20T12:00:00.000Z',
  expiresAt: '2027-05-21T12:00:00.000Z',
  revision: 3,
  choices: { necessary: true, analytics: true, 'analytics.hotjar': false, marketing: false, personalization: false },
  method: 'custom',
  gpc: false,
  language: 'en',
  textsHash: '1x2y3z',
}

let dir: string
let server: Server
let url: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'records-'))
  server = createServer(createRecordReceiver(join(dir, 'records.jsonl')))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`
})
afterAll(() => {
  server.close()
  rmSync(dir, { recursive: true })
})

const post = (body: string, type = 'text/plain;charset=UTF-8') =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': type } }).then((r) => r.status)
const stored = () => readFileSync(join(dir, 'records.jsonl'), 'utf8').trim().split('\n').filter(Boolean)

describe('the example record receiver', () => {
  it('appends a valid record, as sent by sendBeacon', async () => {
    expect(await post(JSON.stringify(record))).toBe(204)
    expect(await post(JSON.stringify({ ...record, method: 'withdraw' }), 'application/json')).toBe(204)
    const lines = stored().map((l) => JSON.parse(l))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toEqual({ receivedAt: expect.any(String), ...record })
  })

  it('rejects malformed, unknown-field, oversized and mistyped bodies with 4xx and stores nothing', async () => {
    const before = stored().length
    expect(await post('{not json')).toBe(400)
    expect(await post(JSON.stringify([record]))).toBe(400)
    expect(await post(JSON.stringify({ ...record, ip: '203.0.113.9' }))).toBe(400)
    expect(await post(JSON.stringify({ ...record, choices: { analytics: true } }))).toBe(400)
    expect(await post(JSON.stringify({ ...record, method: 'implied' }))).toBe(400)
    expect(await post(JSON.stringify({ ...record, updatedAt: '2025-01-01T00:00:00.000Z' }))).toBe(400)
    expect(await post(JSON.stringify({ ...record, language: 'x'.repeat(5000) }))).toBe(413)
    expect(await post(JSON.stringify(record), 'application/x-www-form-urlencoded')).toBe(415)
    expect(await fetch(url).then((r) => r.status)).toBe(405)
    expect(stored().length).toBe(before)
  })
})
