// The globals @web/test-runner-mocha provides in the browser (no @types/mocha installed).
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: (this: { timeout(ms: number): void }) => unknown): void;
declare namespace it {
  function skip(name: string, body: () => unknown): void;
}
declare function before(body: () => unknown): void;
declare function after(body: () => unknown): void;
declare function beforeEach(body: () => unknown): void;
declare function afterEach(body: () => unknown): void;
