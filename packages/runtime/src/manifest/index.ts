export { type AvailabilityFacts, availabilityOf } from './availability.js';
export { memoryBudgetBytes, type NavigatorLike } from './budget.js';
export { hasDtypeFiles, isF16Dtype, pickDtype } from './dtype.js';
export { type FetchLike, loadManifest } from './load.js';
export { DTYPES, parseManifest, ROLES, TASKS } from './parse.js';
export {
  type DefaultModelOptions,
  defaultModelFor,
  filesFor,
  modelDownloadBytes,
  type ResolvedModel,
  type ResolveOptions,
  resolveModel,
} from './resolve.js';
export type * from './types.js';
