// cld3-asm's emscripten glue (CommonJS/UMD, no types of its own): a factory that starts CLD3's
// WebAssembly. The node build is for Node; the browser build for pages and workers.
declare module 'cld3-asm/dist/esm/lib/browser/cld3.js' {
  const createModule: (overrides: object) => unknown;
  export default createModule;
}
declare module 'cld3-asm/dist/esm/lib/node/cld3.js' {
  const createModule: (overrides: object) => unknown;
  export default createModule;
}
