import { build } from 'esbuild'
const name = process.argv[2]
const r = await build({ entryPoints: [`cloudfunctions/${name}/index.ts`], write: false, bundle: true, platform: 'node', target: 'node16', format: 'cjs', external: ['wx-server-sdk'], minify: true, metafile: true, legalComments: 'none' })
const out = Object.values(r.metafile.outputs)[0]
for (const [k, v] of Object.entries(out.inputs)) console.log(v.bytesInOutput, k.replace(/^.*node_modules/, 'nm'))
