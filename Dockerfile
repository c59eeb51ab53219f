FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY . .
ENV NODE_ENV=production
# tsx runs the TypeScript sources directly: there is no build step to forget.
CMD ["node", "bin/stancewatch.js", "start"]
