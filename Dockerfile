# syntax=docker/dockerfile:1
# kiosque as one standalone replica (compose.yaml runs two behind nginx).
#   docker build --build-arg SITE_URL=https://kiosque.example -t kiosque .
#   docker run -p 3000:3000 -e REVALIDATE_SECRET=… -v "$PWD/content:/content:ro" kiosque
# The image holds the code only: articles, authors and photos come from the
# content folder mounted at /content, read at run time. It runs on a read-only
# root (compose.yaml): the server writes only to .next/cache and
# .next/server/route-cache, which compose.yaml mounts.

FROM node:24.21.0-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Absolute URLs (canonical links, feeds, sitemaps, JSON-LD) are written into prerendered pages.
ARG SITE_URL=https://localhost
ENV SITE_URL=${SITE_URL}
COPY --from=dependencies /app/node_modules ./node_modules
COPY . .
# The build checks the repository's content and prerenders pages from it; those
# pages are then removed, so that nothing of this content reaches the image.
RUN npm run build && deploy/strip-prerendered.sh .next/standalone

FROM node:24.21.0-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 CONTENT_DIR=/content
ARG SITE_URL=https://localhost
ENV SITE_URL=${SITE_URL}
# The server and the only node_modules it needs, the hashed assets and public/ (the site's logo and icons).
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# The server writes its parse, search and photo caches under .next/cache, and
# Next its page cache under .next/server/route-cache: nothing else. On a
# read-only root (compose.yaml) both are volumes. COPY would make them root's.
RUN mkdir -p .next/cache .next/server/route-cache && chown node:node .next/cache .next/server/route-cache
# Root's, and not writable by the server.
COPY --chmod=755 deploy/start-replica.sh /usr/local/bin/start-replica.sh
# The editors' folder (articles/, authors/, images/): compose.yaml mounts it read-only.
VOLUME /content
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Empties the two cache folders of what another build wrote (but the parses and the
# search index, which their parser's fingerprint guards), then runs `node server.js`
# with a heap of 60 % of the container's memory.
CMD ["start-replica.sh"]
