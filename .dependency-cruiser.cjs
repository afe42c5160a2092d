/**
 * The layering rules of the project, checked by `npm test` (test/architecture.test.ts).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The domain core imports only itself, dayjs and zod: no WeChat, Taro, React, MobX or Node.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^node_modules/(dayjs|zod)/'] },
    },
    {
      name: 'contracts-are-pure',
      comment: 'The contracts between the mini program and the functions import only the core and zod.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { pathNot: ['^src/(core|contracts)/', '^node_modules/zod/'] },
    },
    {
      name: 'client-holds-no-schemas',
      comment: 'The mini program reaches functions through src/contracts/functions.ts and imports contracts for their types only, so their zod schemas stay out of the main package.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/contracts/' },
      to: { path: '^src/contracts/', pathNot: '^src/contracts/(functions|contract)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pages-do-not-call-the-cloud',
      comment: 'Pages and components get data from stores; only services talk to the cloud.',
      severity: 'error',
      from: { path: '^src/(pages|components|platform-sheets|package-[^/]+)/' },
      to: { path: ['^src/services/cloud-client', 'wx-server-sdk'] },
    },
    {
      name: 'client-does-not-import-server-code',
      comment: 'The mini program never bundles cloud function, local cloud or dev code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^cloudfunctions/', '^local-cloud/', '^scripts/', '^demo/', '^test/', 'wx-server-sdk'] },
    },
    {
      name: 'functions-share-only-the-core',
      comment:
        'Cloud functions use the core, the contracts, the words table and their shared edge code, never client or dev code. They answer codes, not words: the words table is theirs only for content they make, such as the name and intro a new shop starts with.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: ['^src/', '^local-cloud/', '^scripts/', '^demo/', '^test/'], pathNot: ['^src/core/', '^src/contracts/', '^src/i18n/'] },
    },
    {
      name: 'functions-are-independent',
      comment: 'Each function deploys on its own: one may not import another (only _shared).',
      severity: 'error',
      from: { path: '^cloudfunctions/([^_/][^/]*)/' },
      to: { path: '^cloudfunctions/([^/]+)/', pathNot: ['^cloudfunctions/$1/', '^cloudfunctions/_shared/'] },
    },
    // `import './x'` is built as x.weapp.ts(x) or x.h5.ts(x) by Taro and checked against x.d.ts by tsc.
    // A platform's files are therefore only in its own build, unless something imports one by name.
    ...['weapp', 'h5'].map((platform) => ({
      name: `${platform}-code-stays-in-the-${platform}-build`,
      comment: `Only a .${platform} file may import another by name; everything else imports the module and lets Taro pick.`,
      severity: 'error',
      from: { pathNot: `\\.${platform}\\.tsx?$` },
      to: { path: `\\.${platform}\\.tsx?$` },
    })),
    {
      name: 'no-circular',
      comment: 'Modules that import each other load, test and read only together: give what both need a module of its own, or pass it by interface.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'production-does-not-import-tooling',
      severity: 'error',
      from: { path: '^(src|cloudfunctions|local-cloud)/' },
      to: { path: '^(test|scripts|deploy)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^cloudfunctions/[^/]+/index\\.js$', '^test/fixtures/', '^dist'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      // A platform module resolves to its declaration, as tsc sees it; each platform file is cruised on its own.
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
  },
}
