/** Types for node-flags.mjs (the benchmarks import it from TypeScript). */
export declare const NODE_FLAGS: string[];
