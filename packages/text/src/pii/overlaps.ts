import type { PiiSpan } from './types.js';

/**
 * Resolves overlapping detections deterministically. Overlapping spans form a cluster; inside a
 * cluster the winner is the one with the highest confidence, then valid before invalid, then the
 * longest, then the earliest registered recogniser, then the earliest start. Losers that still
 * overlap a winner are dropped. Clustering keeps this O(n log n) even for 10 MB of text.
 */
export function resolveOverlaps(spans: PiiSpan[], priority: (span: PiiSpan) => number): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const result: PiiSpan[] = [];
  let cluster: PiiSpan[] = [];
  let clusterEnd = -1;
  for (const span of sorted) {
    if (cluster.length > 0 && span.start >= clusterEnd) {
      result.push(...pickWinners(cluster, priority));
      cluster = [];
    }
    cluster.push(span);
    clusterEnd = cluster.length === 1 ? span.end : Math.max(clusterEnd, span.end);
  }
  if (cluster.length > 0) result.push(...pickWinners(cluster, priority));
  return result.sort((a, b) => a.start - b.start);
}

function pickWinners(cluster: PiiSpan[], priority: (span: PiiSpan) => number): PiiSpan[] {
  if (cluster.length === 1) return cluster;
  const ranked = [...cluster].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      Number(b.valid) - Number(a.valid) ||
      b.end - b.start - (a.end - a.start) ||
      priority(a) - priority(b) ||
      a.start - b.start,
  );
  const winners: PiiSpan[] = [];
  for (const candidate of ranked) {
    if (winners.every((w) => candidate.end <= w.start || candidate.start >= w.end)) {
      winners.push(candidate);
    }
  }
  return winners;
}
