export { startDemoServer, type DemoServer, type DemoServerOptions } from './server.js';
export { buildDemoConfig, demoConfigInput } from './config.js';
export { renderSite, type SitePage } from './site.js';
export { renderArticlePage, type ArticlePageContext } from './render-page.js';
export { renderFeed } from './render-feed.js';
export { renderHomepage } from './render-home.js';
export { articlePath, demoArticleUrl, demoCanonicalUrl, feedPath, homePath } from './urls.js';
export {
  DEMO_SHIFT,
  DEMO_WEEKS,
  demoActors,
  demoArticles,
  demoOutletsMeta,
  type DemoActorId,
  type DemoArticle,
  type DemoOutletMeta,
  type DemoShift,
  type Section,
  type Tone,
} from './world/index.js';
