/**
 * How sure a category must be to be shown plainly. Below `LIKELY_BELOW` chat shows "likely Health";
 * below `OTHER_BELOW` the categorizer answers "other" (unsure = other). Both are chosen on dev data
 * (see docs/quality.md) and tuned with the model.
 */
export const LIKELY_BELOW = 0.5;
export const OTHER_BELOW = 0;

/** True when a category should be shown as a guess ("likely …"). */
export function isLowConfidence(confidence: number): boolean {
  return confidence < LIKELY_BELOW;
}
