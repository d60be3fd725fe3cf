// Generates custom-elements.json from the JSDoc headers of the element classes.
// Run from this folder: npx cem analyze --config custom-elements-manifest.config.mjs
// The tag names come from customElements.define() in the define files.

/** Internal reactive state (`{ state: true }`, private fields) is not a public attribute. */
const dropPrivateAttributes = {
  name: 'klar-drop-private-attributes',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const d of mod.declarations ?? []) {
        const hidden = new Set(
          (d.members ?? [])
            .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
            .map((m) => m.name),
        );
        if (d.attributes) d.attributes = d.attributes.filter((a) => !hidden.has(a.fieldName));
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/e2e/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [dropPrivateAttributes],
};
