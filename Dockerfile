# syntax=docker/dockerfile:1
# kiosque as one standalone replica (compose.yaml runs two behind nginx).
#   docker build --build-arg SITE_URL=https://kiosque.example -t kiosque .
#   docker run -p 3000:3000 -e REVALIDATE_SECRET=… -v "$PWD/content:/content:ro" kiosque

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Absolute URLs (canonical links, feeds, sitemaps, JSON-LD) are written into prerendered pages.
ARG SITE_URL=http://localhost:8080
ENV SITE_URL=${SITE_URL}
COPY --from=dependencies /app/node_modules ./node_modules
COPY . .
# Built from /content, where the replicas read it: the parsed-content cache the build leaves is keyed by that path.
RUN cp -r content /content && CONTENT_DIR=/content npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 CONTENT_DIR=/content
ARG SITE_URL=http://localhost:8080
ENV SITE_URL=${SITE_URL}
# The server and the only node_modules it needs, the hashed assets, public/, and the parsed content.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/.next/cache/kiosque-content ./.next/cache/kiosque-content
# The shipped articles, for a container started alone; compose.yaml mounts the editors' folder over them.
COPY --from=build --chown=node:node /content /content
# COPY makes missing parent folders as root: the server writes its image cache in .next/cache.
RUN mkdir -p .next/cache/images && chown -R node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
