// The package as a TypeScript app gets it: `npm pack`, the tarball installed offline into a scratch
// consumer, and typical consumer files compiled with `--strict` (and library checks on) under each
// module resolution in use, from ES modules and from CommonJS (DESIGN "Packages and layout").
// Needs dist/ (`npm test` builds first). TypeScript is this repository's.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')
const dir = mkdtempSync(join(tmpdir(), 'consentry-consumer-'))
const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' })

/** A typical app: the full SDK and the headless core with a part; every parameter must be typed. */
const APP = `import { createConsent } from 'consentry'
import type { Choices, ConsentRecord } from 'consentry'
import { createConsent as createHeadless } from 'consentry/core'
import { tabSync } from 'consentry/parts'

const consent = createConsent({ revision: 1, categories: { analytics: { cookies: ['_ga'] } } })
const unbind: () => void = consent.on('change', (next, previous, record) => {
  const gained: boolean = next.analytics && !previous.analytics
  const id: string | undefined = record?.id
  console.log(gained, id)
})
unbind()
// Nothing is \`any\`: a misspelt event and a wrong argument fail to compile.
// @ts-expect-error
consent.on('chnage', () => {})
// @ts-expect-error
consent.set({ analytics: 'yes' })
const headless = createHeadless({ reloadOnWithdraw: false }, [tabSync])
const choices: Choices = headless.get()
const record: ConsentRecord | null = headless.record()
console.log(choices.marketing, record?.method)
`

/** The README's npm quick start, as written there. */
function readmeSnippet(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Quick start: npm')))
  return 'declare function loadAnalytics(): void\n' + block![1]
}

/** One import of every subpath the package exports (a wildcard's first match), so a new entry is checked too. */
function entries(): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/consentry/package.json'), 'utf8'))
  return Object.entries(pkg.exports as Record<string, { import: { default: string } }>)
    .filter(([subpath]) => subpath != './package.json')
    .map(([subpath, target], i) => {
      let name = subpath
      if (subpath.includes('*')) {
        const [head, tail] = target.import.default.split('*') as [string, string]
        const folder = join(dir, 'node_modules/consentry', head.slice(0, head.lastIndexOf('/')))
        const file = readdirSync(folder).find(
          (f) => f.startsWith(head.slice(head.lastIndexOf('/') + 1)) && f.endsWith(tail),
        )!
        name = subpath.replace('*', file.slice(head.length - head.lastIndexOf('/') - 1, -tail.length))
      }
      return `import * as entry${i} from '${name.replace(/^\./, 'consentry')}'\nconsole.log(entry${i})\n`
    })
    .join('')
}

/** Compiles the consumer files with one setup; returns tsc's report ('' when clean). */
function compile(name: string, options: Record<string, unknown>, files: string[]): string {
  const config = `tsconfig.${name}.json`
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    lib: ['ES2022', 'DOM'],
    types: ['node'],
    ...options,
  }
  writeFileSync(join(dir, config), JSON.stringify({ compilerOptions, files }))
  try {
    return run(process.execPath, [TSC, '-p', config])
  } catch (error) {
    return (error as { stdout: string }).stdout
  }
}

/** Packs the package in `folder` into the scratch dir; returns the tarball's file name. */
const pack = (folder: string): string =>
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], {
    cwd: folder,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!

beforeAll(() => {
  const tarball = pack(ROOT)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  // Offline: each runtime dependency the package declares is packed from this repository's install
  // and installed beside it, as npm would fetch it (a dependency left undeclared is missing).
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  // Node's types too, as a server app has them: `consentry/receiver` is a node:http handler.
  const deps = [...Object.keys(dependencies), '@types/node', 'undici-types'].map((name) =>
    pack(join(ROOT, 'node_modules', name)),
  )
  run('npm', [
    'install',
    '--offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    ...[tarball, ...deps].map((t) => join(dir, t)),
  ])
  for (const ext of ['ts', 'cts']) {
    writeFileSync(join(dir, `app.${ext}`), APP)
    writeFileSync(join(dir, `readme.${ext}`), readmeSnippet())
    writeFileSync(join(dir, `entries.${ext}`), entries())
  }
  // A CommonJS app that loads the package with require(), under a bundler's resolution.
  writeFileSync(
    join(dir, 'required.cts'),
    `import consentry = require('consentry')\nconsentry.createConsent().on('change', (next) => next.analytics)\n`,
  )
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ESM = ['app.ts', 'readme.ts', 'entries.ts']
const CJS = ['app.cts', 'readme.cts', 'entries.cts']

describe('the packed package in a TypeScript app', () => {
  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }, [...ESM, ...CJS]],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, [...ESM, ...CJS]],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler' }, [...ESM, 'required.cts']],
  ])(
    'compiles with --strict under %s, from ES modules and CommonJS',
    (name, options, files) => {
      expect(compile(name, options, files as string[])).toBe('')
    },
    60_000,
  )

  it('installs its runtime dependencies and loads in node from import and require', () => {
    const script = `import('consentry').then(async (esm) => {
      const { createRequire } = await import('node:module')
      const cjs = createRequire(process.cwd() + '/')('consentry')
      console.log(typeof esm.createConsent, typeof cjs.createConsent)
    })`
    expect(run(process.execPath, ['--input-type=module', '-e', script]).trim()).toBe('function function')
    const installed = readdirSync(join(dir, 'node_modules')).sort()
    expect(installed).toEqual(expect.arrayContaining(['consentry', 'js-cookie', 'nanoevents']))
  }, 60_000)
})
