import { pinyin } from 'pinyin-pro'
import type { ToPinyin } from '../../src/core/search-terms'

/**
 * Chinese to pinyin through pinyin-pro, which reads polyphones from their words (银行 is yinhang).
 * Its dictionary is large (~450 KB bundled): a function that builds search terms lists `pinyin-pro` in
 * its package.json, so the cloud installs it beside the function instead of inside its bundle.
 */
export const toPinyin: ToPinyin = (hanRun) => pinyin(hanRun, { toneType: 'none', type: 'array', v: true })
