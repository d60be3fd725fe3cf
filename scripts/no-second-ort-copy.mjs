/**
 * onnxruntime-web's bundle names its .wasm with `new URL('…wasm', import.meta.url)`, so a bundler
 * emits a second, hashed 27 MB copy that nobody loads (Klar always sets `wasmPaths` to the files
 * it serves itself). This rewrites that reference to a plain URL next to the worker, so nothing
 * is emitted; the file the runtime really loads is copied once by the build.
 * @returns {import('vite').Plugin}
 */
export function noSecondOrtCopy() {
  return {
    name: 'klar-no-second-ort-copy',
    transform(code, id) {
      if (!id.includes('onnxruntime-web')) return undefined;
      const replaced = code.replace(
        /new URL\((["'`])(ort-wasm[\w.-]*\.wasm)\1,\s*import\.meta\.url\)/g,
        (_m, _q, name) => `new URL(${JSON.stringify(`./${name}`)}, self.location.href)`,
      );
      return replaced === code ? undefined : { code: replaced, map: null };
    },
  };
}
