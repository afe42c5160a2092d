import { build } from 'esbuild'
import path from 'node:path'
const name = process.argv[2]
const r = await build({ entryPoints: [`cloudfunctions/${name}/index.ts`], write: false, bundle: true, platform: 'node', target: 'node16', format: 'cjs', external: ['wx-server-sdk'], minify: true, metafile: true, legalComments: 'none' })
const out = Object.values(r.metafile.outputs)[0]
const rows = Object.entries(out.inputs).map(([k, v]) => [v.bytesInOutput, k]).sort((a, b) => b[0] - a[0])
console.log(rows.filter(([, k]) => /coupon|pricing|zod|order|effects/.test(k)).slice(0, 20).map((r) => r.join(' ')).join('\n'))
console.log('total', out.bytes)
