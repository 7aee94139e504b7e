/** A deterministic generator of numbers in [0, 1): the same seed gives the same sequence (see seededRandom.js). */
export declare function seededRandom(seed: number): () => number;
