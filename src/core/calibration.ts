/**
 * Expected calibration error: how far stated confidence is from observed accuracy. Predictions are
 * put into equal-width confidence bins; ECE is the mean, weighted by bin size, of |accuracy − mean
 * confidence| per bin (Guo et al. 2017, "On Calibration of Modern Neural Networks").
 */
export interface ScoredPrediction {
  confidence: number;
  correct: boolean;
}

export function expectedCalibrationError(predictions: readonly ScoredPrediction[], bins = 10): number {
  if (predictions.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  for (const p of predictions) {
    // Confidence 1 belongs to the top bin.
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p.confidence * bins)));
    count[b] = (count[b] as number) + 1;
    confidence[b] = (confidence[b] as number) + p.confidence;
    if (p.correct) right[b] = (right[b] as number) + 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b] as number;
    if (n > 0)
      ece += Math.abs((right[b] as number) / n - (confidence[b] as number) / n) * (n / predictions.length);
  }
  return ece;
}
