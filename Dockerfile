# syntax=docker/dockerfile:1
# Portico's container image (docs/self-hosting.md, "Container, Compose and Kubernetes").
#   docker build -t portico .
#   docker run -p 3000:3000 -e PUBLIC_URL=http://localhost:3000 -e PORTICO_SECRET=… -v portico-data:/data portico
# Nothing is downloaded at build time beyond `npm install`: no apt-get, and Prisma runs without
# native engines (prisma.config.ts, docs/decisions/0002-app-applies-migrations.md).

# The full Debian image has python3, make and g++, so node-gyp can compile better-sqlite3 when
# its prebuilt binary cannot be fetched; the slim runtime image is the same Debian and Node, so
# the compiled module runs there.
ARG BUILD_IMAGE=node:20-bookworm
ARG RUNTIME_IMAGE=node:20-bookworm-slim

# --- build: all dependencies, the Prisma clients, the app and widget bundles -----------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The postinstall step (scripts/prisma-generate.ts) needs the schemas and its script.
COPY prisma.config.ts tsconfig.json ./
COPY prisma ./prisma
COPY scripts ./scripts
# `npm install`, not `npm ci`: the lockfile lacks some other platforms' optional binaries
# (/work/shared/TOOLCHAIN.md trap 1); with the committed lockfile it changes nothing.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build \
  # Dev dependencies (Vite, Remix's compiler, Prisma's CLI, test tools) stay in this stage.
  && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force

# --- runtime: the production build, production dependencies, no compilers -------------------
FROM ${RUNTIME_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORTICO_ENV=production \
    PORTICO_DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# The build stage's tree without dev dependencies: build/ (server.js, the compiled HTTP server;
# server/, client/ and widgets/), prisma/ (migrations applied at start), scripts/ and app/
# (`npm run tenant`, backup and restore run through tsx), app/generated (Prisma clients).
COPY --from=build /app /app
# /data holds SQLite databases and private files; the only place the server writes, so the
# root filesystem can be read-only (the CLI's tsx also caches in /tmp).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The image's `node` user (uid 1000); the app's files stay root-owned and read-only to it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs after its configuration check and build step (scripts/start.ts), here
# without npm in between so SIGTERM reaches the server and it drains before exiting. Compiled
# JavaScript: nothing is transpiled at run time.
CMD ["node", "build/server.js"]
