import { loadConfigFile, loadEnv, type Env, type StancewatchConfig } from '../config/index.js';
import { buildDemoConfig } from '../demo/index.js';
import { createLogger, type Logger } from '../log.js';

export interface CliContext {
  env: Env;
  log: Logger;
  /** Path of the config file in use, if any. */
  configPath: string | undefined;
}

/** Reads env once; every problem surfaces as a ConfigError before any command does work. */
export function cliContext(configFlag: string | undefined, defaultLogLevel = 'info'): CliContext {
  const env = loadEnv(process.env);
  return {
    env,
    log: createLogger(env.logLevel ?? defaultLogLevel),
    configPath: configFlag ?? env.configPath,
  };
}

/** The config file named by --config or STANCEWATCH_CONFIG; an error when there is none. */
export async function requireConfig(ctx: CliContext): Promise<StancewatchConfig> {
  if (ctx.configPath === undefined) {
    throw new Error('no config file: pass --config FILE or set STANCEWATCH_CONFIG');
  }
  return loadConfigFile(ctx.configPath);
}

/** The config file when there is one, else the demo's (the actors and outlets `npm start` stored). */
export async function configOrDemo(ctx: CliContext): Promise<StancewatchConfig> {
  return ctx.configPath ? loadConfigFile(ctx.configPath) : buildDemoConfig('http://127.0.0.1:1');
}
