# syntax=docker/dockerfile:1
# Payments API: a multi-stage build. The build stage compiles TypeScript with every dependency;
# the runtime stage holds only the compiled code and the production dependencies, and runs as the
# unprivileged `node` user. Migrations are applied at start under a PostgreSQL advisory lock, so
# any number of replicas can start together against one database.
#
#   docker build -t payments-api .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... payments-api
#   docker run -e ROLE=worker -e DATABASE_URL=postgres://... payments-api   # the loops only (ADR 0011)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build -------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, in their own layer: it is rebuilt only when the lock file changes.
# No install scripts: none of the dependencies needs one (npm 11 skips them too).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# ---- runtime -----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Production dependencies only. --omit=optional leaves out embedded-postgres's PostgreSQL binaries
# (~100 MB): in a container the database is always given by DATABASE_URL.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
# The app writes nothing to its own folder; everything stays root-owned and read-only to `node`.
USER node
EXPOSE 3000
# Ready = the database answers and every migration is applied (GET /health/ready, 200).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (src/main.ts): it drains requests, stops its loops, exits.
CMD ["node", "dist/src/main.js"]
