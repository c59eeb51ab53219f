import { configFileSchema, type StancewatchConfig } from '../config/index.js';
import { feedPath, homePath } from './urls.js';
import { demoActors, demoOutletsMeta } from './world/index.js';

/**
 * The demo config as a config file would hold it, for a demo server at `baseUrl`: its outlets
 * (on loopback, so `allowPrivateNetwork` names the server's host), the demo actors and one alert rule for every pair.
 */
export function demoConfigInput(baseUrl: string): Record<string, unknown> {
  return {
    outlets: demoOutletsMeta.map((outlet) => ({
      id: outlet.id,
      name: outlet.name,
      homepage: `${baseUrl}${homePath(outlet.slugPrefix)}`,
      feeds: [`${baseUrl}${feedPath(outlet.slugPrefix)}`],
      schedule: '1h',
      allowPrivateNetwork: [new URL(baseUrl).hostname],
      maxArticlesPerCrawl: 200,
    })),
    actors: demoActors(),
    alerts: [
      {
        id: 'demo-shift',
        actors: 'all',
        outlets: 'all',
        sensitivity: 'medium',
        recipients: ['analyst@example.org'],
        delivery: 'immediate',
      },
    ],
  };
}

/**
 * The demo config, validated by the config file schema so that defaults and schedule parsing
 * apply exactly as for a real file.
 */
export function buildDemoConfig(baseUrl: string): StancewatchConfig {
  return configFileSchema.parse(demoConfigInput(baseUrl));
}
