// The check lives in @klar/tasks now (it runs on every summary and rewrite, whatever the source);
// kept here so `@klar/components` keeps exporting it.
export {
  type Claim,
  type ClaimKind,
  checkFaithfulness,
  type FaithfulnessPiece,
  type FaithfulnessReport,
  findClaims,
} from '@klar/tasks';
