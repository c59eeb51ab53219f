export {
  detectStanceShifts,
  SENSITIVITY,
  type SeriesPoint,
  type StanceShift,
  type DetectOptions,
} from './detect-shift.js';
export { rulesFor, ruleWantsKind } from './match-rules.js';
