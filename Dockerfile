FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY . .
# npm ci ran with --ignore-scripts: apply the postgres driver's restart fix (see the script).
RUN node scripts/patch-postgres.mjs
ENV NODE_ENV=production
# tsx runs the TypeScript sources directly: there is no build step to forget.
CMD ["node", "bin/stancewatch.js", "start"]
