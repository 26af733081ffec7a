// `npm run bench:lighthouse`: Lighthouse's accessibility, best-practices and SEO scores for each
// example page `npm start` serves, with the audits that fall short. Not part of `npm test`: it
// takes about half a minute per page. Needs dist/ (`npm run build`) and Chromium at /usr/bin/chromium.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
// The flags are the scanner's, from the build (`npm run build`).
import { CHROMIUM_FLAGS } from '../dist/cli/scan.mjs'

const pages = ['/', '/strict-csp.html', '/google-consent-mode/', '/frameworks/']
const categories = ['accessibility', 'best-practices', 'seo']

/** Starts scripts/serve.mjs on a free port with an in-memory receiver; resolves its base URL. */
function serve() {
  const server = spawn(process.execPath, [fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url))], {
    env: { ...process.env, PORT: '0', CONSENTRY_DATA: 'memory://' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    server.stdout.on('data', (chunk) => {
      output += chunk
      const found = output.match(/Consentry examples: (http:\/\/\S+?)\/\n/)
      if (found) resolve({ base: found[1], stop: () => server.kill('SIGTERM') })
    })
    server.once('exit', (code) => reject(new Error(`scripts/serve.mjs exited with ${code}: ${output}`)))
  })
}

const { base, stop } = await serve()
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS })
let failed = false
try {
  for (const page of pages) {
    const result = await lighthouse(base + page, { port: chrome.port, onlyCategories: categories, logLevel: 'error' })
    const { audits, categories: scored, runtimeError } = result.lhr
    if (runtimeError) throw new Error(`${page}: ${runtimeError.code} ${runtimeError.message}`)
    const scores = categories.map((id) => Math.round(scored[id].score * 100))
    console.log(`${page}  ${categories.map((id, index) => `${id} ${scores[index]}`).join('  ')}`)
    for (const id of categories) {
      for (const ref of scored[id].auditRefs) {
        const audit = audits[ref.id]
        if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue
        failed = true
        console.log(`  ${id}: ${audit.id} (${audit.score}) ${audit.title}`)
        for (const item of audit.details?.items ?? []) {
          const where = item.node?.snippet ?? item.url ?? item.description ?? item.source?.url ?? ''
          if (where) console.log(`    ${String(where).slice(0, 160)}`)
        }
      }
    }
  }
} finally {
  await chrome.kill()
  stop()
}
process.exitCode = failed ? 1 : 0
