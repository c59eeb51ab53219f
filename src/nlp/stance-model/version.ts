/**
 * Version of the learned stance model. Bump it whenever the features or the committed weights
 * change: analysis rows carry it, and the weights file must carry the same value.
 */
export const STANCE_MODEL_VERSION = 'stance-lr-gru-2';
