// The bench's web server: 127.0.0.1 on an ephemeral port. Every JS and CSS file is brotli-compressed
// once at start (quality 11, as a CDN serves a static asset), so the browser's transfer accounting
// reports realistic bytes. Pages are built per request and sent uncompressed: they are the same
// for every library apart from its own tags.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { brotliCompressSync, constants } from 'node:zlib'
import { contentType } from '../../scripts/static.mjs'

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  })

/** `{ '/url/path': '/file/on/disk' }` → `{ '/url/path': { body, type } }`, compressed. */
function precompress(files) {
  return Object.fromEntries(
    Object.entries(files).map(([url, file]) => [url, { body: brotli(readFileSync(file)), type: contentType(file) }]),
  )
}

/**
 * Starts the server. `files` maps URL paths to files on disk; `pageFor(path)` returns the HTML
 * for a page path or undefined. Resolves `{ origin, close() }`.
 */
export async function startServer(files, pageFor) {
  const assets = precompress(files)
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname
    const asset = assets[path]
    if (asset) {
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Content-Encoding': 'br',
        'Content-Length': asset.body.length,
        'Cache-Control': 'no-store',
      })
      return res.end(asset.body)
    }
    // The images of the inserted view (../insert-nodes.mjs), answered as bench/blocker.mjs does.
    if (path.startsWith('/img/')) return res.writeHead(204, { 'Cache-Control': 'max-age=3600' }).end()
    const html = pageFor(path)
    if (html === undefined) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(html)
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }
}
