import type { Dfa } from './dfa-types.js';
export function compilePattern(_source: string): Dfa | string {
  return 'not yet';
}
export function intersectDfa(_a: Dfa, _b: Dfa): Dfa | string {
  return 'not yet';
}
