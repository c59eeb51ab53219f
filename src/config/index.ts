export { loadEnv, envSchema, type Env, type WebCredentialEnv } from './env.js';
export {
  configFileSchema,
  actorSchema,
  outletSchema,
  alertRuleSchema,
  ACTOR_KINDS,
  ALERT_KINDS,
  type Actor,
  type Outlet,
  type AlertRule,
  type StancewatchConfig,
} from './file-schema.js';
export { parseConfigText, loadConfigFile } from './load-config-file.js';
export { parseSchedule, parseDuration, type Schedule } from './schedule.js';
export { parseNetworkEntry, canonicalAddress, normalHost } from './network-entry.js';
export { parseAge, cutoffOf, ageSchema, retentionSchema, type Age, type Retention } from './retention.js';
