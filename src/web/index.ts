export { createWebApp, type WebDeps } from './app.js';
export { startWebServer, type WebServer } from './server.js';
export { requireCredentialsOffLoopback, isLoopbackHost, type WebAuth, type WebCredential, type WebRole } from './auth.js';
