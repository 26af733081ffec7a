// `consentry config` as a site owner runs it: the built command (bin/consentry.mjs → dist/cli/config.mjs),
// so it runs after `npm run build`.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { normalizeConfig } from '../../src/config/normalize'
import { googleAnalytics, hotjar, vendors, withVendors, youtube } from '../../src/vendors'

const BIN = fileURLToPath(new URL('../../bin/consentry.mjs', import.meta.url))

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, 'config', ...args], (error, stdout, stderr) =>
      done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    )
  })
}

const BLOCK = /^<script type="application\/json" id="consentry-config">\n([^]*)\n<\/script>\n$/

describe('consentry config', () => {
  it('prints a ready config block with the vendors as services of their categories', async () => {
    const { code, stdout, stderr } = await run('google-analytics', 'hotjar', 'youtube')
    expect([code, stderr]).toEqual([0, ''])
    const json = BLOCK.exec(stdout)?.[1]
    expect(JSON.parse(json!)).toEqual(withVendors({}, googleAnalytics, hotjar, youtube))
    expect(Object.keys(JSON.parse(json!).categories.analytics.services)).toEqual(['google-analytics', 'hotjar'])
  })

  it('prints a config the SDK takes without a single warning, for every vendor at once', async () => {
    const { code, stdout } = await run(
      '--json',
      '--revision',
      '2',
      '--policy-url',
      '/privacy',
      ...vendors.map((v) => v.id),
    )
    expect(code).toBe(0)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const config = normalizeConfig(JSON.parse(stdout))
    expect(warn.mock.calls).toEqual([])
    warn.mockRestore()
    expect(
      Object.values(config.categories)
        .flatMap((category) => Object.keys(category.services))
        .sort(),
    ).toEqual(vendors.map((v) => v.id))
  })

  it('prints JSON only with --json, with the revision and policy URL given', async () => {
    const { code, stdout } = await run(
      '--json',
      'youtube',
      '--revision',
      '3',
      '--policy-url=https://shop.example/privacy',
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(withVendors({ revision: 3, policyUrl: 'https://shop.example/privacy' }, youtube))
  })

  it('lists a vendor named twice once, in the order first named', async () => {
    const { stdout } = await run('--json', 'hotjar', 'google-analytics', 'hotjar')
    expect(Object.keys(JSON.parse(stdout).categories.analytics.services)).toEqual(['hotjar', 'google-analytics'])
  })

  it('writes values so that nothing can close the script element', async () => {
    const url = '/privacy</script><script>alert(1)</script><!--'
    const { code, stdout } = await run('youtube', '--policy-url', url)
    expect(code).toBe(0)
    const json = BLOCK.exec(stdout)![1]!
    expect(json).not.toMatch(/<\/script|<!--/i)
    expect(JSON.parse(json).policyUrl).toBe(url)
  })

  it('refuses an unknown vendor with exit code 2 and suggests the closest id', async () => {
    expect(await run('google-analytic', 'hotjar')).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(
        /^consentry config: unknown vendor "google-analytic"\. Did you mean "google-analytics"\?\n/,
      ),
    })
    expect((await run('tawkto')).stderr).toContain('Did you mean "tawk-to"?')
    expect((await run('clarity')).stderr).toContain('Did you mean "microsoft-clarity"?')
    expect((await run('maps')).stderr).toContain('Did you mean "google-maps"?')
  })

  it.each([
    [[], 'name at least one vendor'],
    [['hotjar', '--revision'], '--revision must be a whole number ≥ 0, got nothing'],
    [['hotjar', '--revision', '-1'], '--revision must be a whole number ≥ 0, got "-1"'],
    [['hotjar', '--revision=2.5'], '--revision must be a whole number ≥ 0, got "2.5"'],
    [['hotjar', '--revision', '99999999999999999999'], 'got "99999999999999999999"'],
    [
      ['hotjar', '--policy-url', 'javascript:alert(1)'],
      '--policy-url must be an http(s) URL or a path, got "javascript:alert(1)"',
    ],
    [['hotjar', '--policy-url'], '--policy-url must be an http(s) URL or a path, got nothing'],
    [['hotjar', '--yaml'], 'unknown option --yaml'],
  ])('exits with 2 on bad input: %j', async (args, message) => {
    const { code, stdout, stderr } = await run(...args)
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toContain(message)
  })

  it('explains itself and lists every vendor id with --help', async () => {
    const { code, stdout } = await run('--help')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: consentry config <vendor-id>\.\.\. \[options\]/)
    for (const option of ['--json', '--revision N', '--policy-url URL']) expect(stdout).toContain(option)
    const lines = stdout.split('\n').map((line) => line.trim().split(/ {2,}/))
    for (const vendor of vendors) expect(lines).toContainEqual([vendor.id, `${vendor.title} (${vendor.category})`])
  })
})
