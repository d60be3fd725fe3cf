// Lets `tsc -b` type-check main.ts; the SFC itself is compiled by @vitejs/plugin-vue in the test.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent;
  export default component;
}
