// Static files for `npm start` and the browser-test server: one implementation, no framework.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
}

/** Content-Type for a file name; unknown extensions are served as bytes. */
export function contentType(file) {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `root` that a URL path names, or null when it would escape `root`
 * (`..`, encoded `%2e%2e`, backslashes, NUL). A trailing `/` means `index.html`.
 */
export function resolveInside(root, urlPath) {
  let path
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '' || path.endsWith('/')) path += 'index.html'
  const base = resolve(root)
  const file = resolve(base, '.' + (path.startsWith('/') ? path : '/' + path))
  return file === base || file.startsWith(base + sep) ? file : null
}

/**
 * Answers a GET/HEAD for a file under one of the mounts (`{ prefix: '/dist/', dir }`),
 * longest prefix first. Resolves true when it answered, false when no file matched.
 */
export async function serveStatic(mounts, req, res, extraHeaders = {}) {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)
  for (const { prefix, dir } of sorted) {
    if (!path.startsWith(prefix)) continue
    const file = resolveInside(dir, path.slice(prefix.length))
    return file ? serveFile(file, req, res, extraHeaders) : false
  }
  return false
}

/** Answers a GET/HEAD with one file; resolves false when there is no such file. */
export async function serveFile(file, req, res, extraHeaders = {}) {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return false
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    ...extraHeaders,
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
  return true
}

/** A plain-text answer: used for 404s and 405s by both servers. */
export function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
