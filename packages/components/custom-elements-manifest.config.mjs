// Generates custom-elements.json from the JSDoc headers of the element classes.
// Run from this folder: npx cem analyze --config custom-elements-manifest.config.mjs
// The tag names live in the define files; the analyzer reads them from customElements.define().
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/e2e/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
};
