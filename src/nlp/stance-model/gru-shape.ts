import { DIMS } from './model.js';

/** Per-token inputs besides the word vector: in target, in another mention, negated, lexicon polarity. */
export const GRU_EXTRA = 4;
export const GRU_INPUT = DIMS + GRU_EXTRA;
/** Context tokens read on each side of the target: farther words rarely bear on it and cost time. */
export const GRU_WINDOW = 12;

/** A mention as the recurrent reader sees it: a window of the sentence around the target. */
export interface GruSequence {
  /** Vector row of each token, -1 when the word has none. */
  rows: Int32Array;
  /** [T × GRU_EXTRA] */
  extra: Float32Array;
  /** 1 where the token belongs to the target. */
  target: Uint8Array;
}

/**
 * Bidirectional GRU weights, direction-major (0 forward, 1 backward), gates in the order
 * update z, reset r, candidate n: n = tanh(x·Wn + (r ⊙ h)·Un + bn), h' = (1 - z) ⊙ n + z ⊙ h.
 */
export interface GruWeights {
  units: number;
  /** [2][GRU_INPUT][3H] */
  wx: Float32Array;
  /** [2][H][2H]: recurrent weights of z and r. */
  uzr: Float32Array;
  /** [2][H][H]: recurrent weights of n. */
  un: Float32Array;
  /** [2][3H] */
  b: Float32Array;
  /** [4H][3] over [mean of the target's states (fw, bw); max over the window (fw, bw)]. */
  wo: Float32Array;
  bo: Float32Array;
}
