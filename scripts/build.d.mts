// Types for scripts/build.mjs, which runs as plain JavaScript (npm's `prepare` has no TypeScript runner).
export declare const ROOT: string;
export declare const DIST: string;
export declare function isBuildFresh(): boolean;
export declare function build(): Promise<void>;
