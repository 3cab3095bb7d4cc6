/**
 * Training for the categorizer's model: a weighted multinomial logistic regression (softmax) over
 * sparse binary features, fitted by full-batch Adam with an L2 penalty. Full batch and a fixed
 * feature order keep it deterministic: the same examples give the same weights on every run.
 *
 * The class bias is fitted (it soaks up how often each class occurs in the training data) but
 * not returned: at run time every category starts level, because the mix of news in a briefing
 * has nothing to do with the mix of the training data.
 */

export interface TrainingExample {
  /** Feature keys (see categorizer-features.ts); duplicates are ignored. */
  features: readonly string[];
  /** Index into the class list. */
  label: number;
  /**
   * Coarse labels: the example belongs to one of these classes, not saying which (a dataset's
   * "business" is our economy, markets, trade, energy or business). The loss is −log of their
   * summed probability, so the model is free to split the mass among them. Overrides `label`.
   */
  anyOf?: readonly number[];
  /** How much this example counts (1 = one ordinary headline). */
  weight: number;
  /** Fixed evidence added to the logits (one per class), e.g. from the word vectors; learned weights fit the rest. */
  offset?: ArrayLike<number>;
}

export interface TrainOptions {
  /** L2 penalty per weight (a Gaussian prior): larger = smaller, smoother weights. */
  l2: number;
  iterations: number;
  learningRate: number;
  /** Feature → multiplier of `l2` for that feature's weights (default 1). */
  l2Scale?: ReadonlyMap<string, number>;
}

export interface TrainedWeights {
  /** Feature keys, sorted. */
  features: string[];
  /** Row-major: weights[f * classes + c]. */
  weights: Float64Array;
  /** Mean weighted cross-entropy on the training examples after the last step. */
  loss: number;
}

/** Replaces logits by exp(logit − max) and returns their sum (the softmax denominator). */
function expInPlace(p: Float64Array, max: number): number {
  let z = 0;
  for (let c = 0; c < p.length; c++) {
    const e = Math.exp((p[c] as number) - max);
    p[c] = e;
    z += e;
  }
  return z;
}

/** Σ of the unnormalised probabilities of a class set. */
function setTarget(p: Float64Array, set: readonly number[]): number {
  let t = 0;
  for (const c of set) t += p[c] as number;
  return Math.max(t, 1e-300);
}

export function trainSoftmax(
  examples: readonly TrainingExample[],
  classes: number,
  options: TrainOptions,
): TrainedWeights {
  const features = [...new Set(examples.flatMap((e) => e.features))].sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const docs = examples.map((e) => Int32Array.from(new Set(e.features), (f) => index.get(f) as number));
  const k = classes;
  const nW = features.length * k;
  const l2 = Float64Array.from(features, (f) => options.l2 * (options.l2Scale?.get(f) ?? 1));
  // Parameters: weights then biases, optimised together.
  const theta = new Float64Array(nW + k);
  const grad = new Float64Array(nW + k);
  const m = new Float64Array(nW + k);
  const v = new Float64Array(nW + k);
  const p = new Float64Array(k);
  const totalWeight = examples.reduce((s, e) => s + e.weight, 0);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let loss = 0;

  for (let step = 1; step <= options.iterations; step++) {
    for (let j = 0; j < nW; j++) grad[j] = (l2[Math.floor(j / k)] as number) * (theta[j] as number);
    grad.fill(0, nW);
    loss = 0;
    for (let i = 0; i < examples.length; i++) {
      const doc = docs[i] as Int32Array;
      const { label, weight, offset, anyOf } = examples[i] as TrainingExample;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let s = (theta[nW + c] as number) + (offset ? (offset[c] as number) : 0);
        for (const f of doc) s += theta[f * k + c] as number;
        p[c] = s;
        if (s > max) max = s;
      }
      const z = expInPlace(p, max);
      const target = setTarget(p, anyOf ?? [label]);
      loss -= weight * Math.log(Math.max(target / z, 1e-300));
      for (let c = 0; c < k; c++) {
        // d(−log Σ_S p)/d logit_c = p_c − [c ∈ S] p_c / Σ_S p (for one class: p_c − [c = label]).
        const inSet = anyOf ? anyOf.includes(c) : c === label;
        const g = weight * ((p[c] as number) / z - (inSet ? (p[c] as number) / target : 0));
        if (g === 0) continue;
        grad[nW + c] = (grad[nW + c] as number) + g;
        for (const f of doc) grad[f * k + c] = (grad[f * k + c] as number) + g;
      }
    }
    // Adam, bias-corrected.
    const lr = (options.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    for (let j = 0; j < theta.length; j++) {
      const g = grad[j] as number;
      const mj = beta1 * (m[j] as number) + (1 - beta1) * g;
      const vj = beta2 * (v[j] as number) + (1 - beta2) * g * g;
      m[j] = mj;
      v[j] = vj;
      theta[j] = (theta[j] as number) - (lr * mj) / (Math.sqrt(vj) + 1e-8);
    }
  }
  return { features, weights: theta.subarray(0, nW), loss: loss / totalWeight };
}

export interface DenseExample {
  /** Input vector (length `dim`). */
  x: Float64Array;
  /** How much weight goes to each class (soft labels; the sum is how much the example counts). */
  target: ArrayLike<number>;
  /** Coarse label (see TrainingExample.anyOf): `target`'s sum is the weight, spread as the model likes over these. */
  anyOf?: readonly number[];
}

export interface DenseOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

/** A dense linear softmax: weights[c * dim + d], plus one bias per class (not returned either). */
export interface DenseWeights {
  weights: Float64Array;
  loss: number;
}

/**
 * A multinomial logistic regression on dense inputs (word vectors), by full-batch Adam with an L2
 * penalty: deterministic like `trainSoftmax`.
 */
export function trainDenseSoftmax(
  examples: readonly DenseExample[],
  classes: number,
  dim: number,
  options: DenseOptions,
): DenseWeights {
  const k = classes;
  const nW = k * dim;
  const theta = new Float64Array(nW + k);
  const grad = new Float64Array(nW + k);
  const m = new Float64Array(nW + k);
  const v = new Float64Array(nW + k);
  const p = new Float64Array(k);
  const weightOf = examples.map(
    (e) => Array.prototype.reduce.call(e.target, (a, b) => (a as number) + (b as number), 0) as number,
  );
  const totalWeight = weightOf.reduce((a, b) => a + b, 0);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let loss = 0;
  for (let step = 1; step <= options.iterations; step++) {
    for (let j = 0; j < nW; j++) grad[j] = options.l2 * totalWeight * (theta[j] as number);
    grad.fill(0, nW);
    loss = 0;
    examples.forEach(({ x, target, anyOf }, n) => {
      const weight = weightOf[n] as number;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let s = theta[nW + c] as number;
        const row = c * dim;
        for (let d = 0; d < dim; d++) s += (theta[row + d] as number) * (x[d] as number);
        p[c] = s;
        if (s > max) max = s;
      }
      const z = expInPlace(p, max);
      const setMass = anyOf ? setTarget(p, anyOf) : 0;
      if (anyOf) loss -= weight * Math.log(Math.max(setMass / z, 1e-300));
      for (let c = 0; c < k; c++) {
        const t = anyOf
          ? anyOf.includes(c)
            ? (weight * (p[c] as number)) / setMass
            : 0
          : (target[c] as number);
        if (!anyOf && t > 0) loss -= t * Math.log(Math.max((p[c] as number) / z, 1e-300));
        const g = (weight * (p[c] as number)) / z - t;
        grad[nW + c] = (grad[nW + c] as number) + g;
        const row = c * dim;
        for (let d = 0; d < dim; d++) grad[row + d] = (grad[row + d] as number) + g * (x[d] as number);
      }
    });
    const lr = (options.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    for (let j = 0; j < theta.length; j++) {
      const g = (grad[j] as number) / totalWeight;
      const mj = beta1 * (m[j] as number) + (1 - beta1) * g;
      const vj = beta2 * (v[j] as number) + (1 - beta2) * g * g;
      m[j] = mj;
      v[j] = vj;
      theta[j] = (theta[j] as number) - (lr * mj) / (Math.sqrt(vj) + 1e-8);
    }
  }
  return { weights: theta.subarray(0, nW), loss: loss / totalWeight };
}
