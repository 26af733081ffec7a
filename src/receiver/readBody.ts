/// <reference types="node" />
import type { IncomingMessage } from 'node:http'

/**
 * The request body as text, or null once it is over `limit` bytes (the rest is left for
 * node:http to discard). A framework that read it already leaves it on `req.body`:
 * a string or Buffer is taken as is, a parsed object is serialized again.
 */
export function readBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<string | null> {
  const given = req.body
  if (typeof given == 'string' || Buffer.isBuffer(given) || (typeof given == 'object' && given !== null)) {
    const text =
      typeof given == 'string' ? given : Buffer.isBuffer(given) ? given.toString('utf8') : JSON.stringify(given)
    return Promise.resolve(Buffer.byteLength(text) > limit ? null : text)
  }
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(null)
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      req.off('data', onData)
      req.off('end', onEnd)
      // Keep reading (and dropping) so the client can read the answer.
      req.resume()
      done(null)
    }
    const onEnd = () => done(Buffer.concat(chunks).toString('utf8'))
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', fail)
  })
}
