/**
 * How sure a category must be to be shown plainly, and to be named at all. Chosen on held-out dev
 * data (HuffPost and UCI rows the trial model was not fitted on; docs/quality.md, "Confidence"):
 * - below `LIKELY_BELOW` answers were right about half the time (0.47–0.55 per 0.1 band), so chat
 *   shows them as a guess ("likely Health"); from 0.5 up they were right 60–84% of the time;
 * - below `OTHER_BELOW` (about 10% of headlines) the categorizer answers "other" (unsure = other): the
 *   largest threshold that cost under half a point of held-out accuracy (0.645 → 0.642).
 */
export const LIKELY_BELOW = 0.5;
export const OTHER_BELOW = 0.15;

/** True when a category should be shown as a guess ("likely …"). */
export function isLowConfidence(confidence: number): boolean {
  return confidence < LIKELY_BELOW;
}

/** True when the best category is too unsure to name: the answer is then "other". */
export function isUnsure(confidence: number): boolean {
  return confidence < OTHER_BELOW;
}
