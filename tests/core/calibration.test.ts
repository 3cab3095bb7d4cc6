import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../../src/core/calibration.ts';

describe('expectedCalibrationError', () => {
  it('is 0 when confidence matches accuracy in every bin', () => {
    // 0.75 confident, right 3 times out of 4; 0.25 confident, right once out of 4.
    const preds = [
      ...[true, true, true, false].map((correct) => ({ confidence: 0.75, correct })),
      ...[true, false, false, false].map((correct) => ({ confidence: 0.25, correct })),
    ];
    expect(expectedCalibrationError(preds)).toBeCloseTo(0, 12);
  });

  it('is the size-weighted gap between confidence and accuracy', () => {
    // Bin 0.9: confidence 0.95, accuracy 0.5 (gap 0.45, half the items); bin 0.5: 0.55 vs 1 (gap 0.45).
    const preds = [
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: false },
      { confidence: 0.55, correct: true },
      { confidence: 0.55, correct: true },
    ];
    expect(expectedCalibrationError(preds)).toBeCloseTo(0.45, 12);
    // An overconfident model that is always wrong at confidence 1 has ECE 1.
    expect(expectedCalibrationError([{ confidence: 1, correct: false }])).toBe(1);
  });

  it('is 0 for no predictions', () => {
    expect(expectedCalibrationError([])).toBe(0);
  });
});
