import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/local-cloud'
import { DIST } from '../support/weapp/mini-program'
import { loadComponent } from '../support/weapp/view-layer'

/**
 * The build's templates go through WeChat's own WXML compiler (wcc), as WeChat DevTools compiles
 * them before upload: every page test loads its page that way, so a template error fails `npm test`
 * with wcc's message. Shown here on a copy of the build's templates with one tag left open.
 */
function copyTemplates(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) {
      fs.mkdirSync(target)
      copyTemplates(source, target)
    } else if (/\.(wxml|wxs|json)$/.test(entry.name)) {
      fs.copyFileSync(source, target)
    }
  }
}

describe('the weapp templates, compiled by wcc', () => {
  it('fail to load with wcc’s own message (file, line, column) when a tag is left open', () => {
    const broken = tempDir('wxml')
    copyTemplates(DIST, broken)
    const base = path.join(broken, 'base.wxml')
    const lines = fs.readFileSync(base, 'utf8').split('\n')
    const closing = lines.findIndex((line) => line.trim() === '</view>')
    expect(closing).toBeGreaterThan(0)
    lines.splice(closing, 1)
    fs.writeFileSync(base, lines.join('\n'))

    expect(() => loadComponent(broken, 'pages/index/index', 'page')).toThrow(/base\.wxml:\d+:\d+: .*end-tag/)
  })
})
