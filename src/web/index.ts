export { createWebApp, type WebDeps } from './app.js';
export { startWebServer, type WebServer } from './server.js';
