# PeerBridge container image (docs/deploy.md). Multi-stage: build dist/ with the full toolchain,
# then a final stage with production dependencies only, running as a non-root user.
#   docker build -t peerbridge .
# test/deploy/production-layout.test.ts installs and starts a copy exactly as the final stage
# does (no container engine needed), so keep the two in step.
ARG NODE_IMAGE=node:20.19-bookworm-slim

# ---- build: generate the Prisma client and bundle src/ into dist/ (npm ci's postinstall) ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src ./src
RUN npm ci --no-audit --no-fund && test -f dist/main.js

# ---- final: production dependencies, dist/ and the migrations; nothing else ----
FROM ${NODE_IMAGE}
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="PeerBridge" \
      org.opencontainers.image.description="A chat bot for peer-support teams on Slack and Discord: check-ins, private trigger flags, supervision scheduling, resources." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="UNLICENSED" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"
WORKDIR /app
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    PORT=3000 \
    HEALTH_PORT=9090 \
    DATA_DIR=/data
COPY package.json package-lock.json ./
# --ignore-scripts: the project's postinstall would rebuild dist/ from src/, which this stage
# does not have; no production dependency needs an install script at run time.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY prisma ./prisma
COPY --from=build /app/dist ./dist
# The embedded database (PGlite) and its key file live in DATA_DIR; with DATABASE_URL set
# (PostgreSQL) it holds nothing. The `node` user (uid 1000) of the base image owns it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER 1000:1000
# 3000: Slack's HTTP mode (/slack/events) behind a reverse proxy. 9090: /livez, /readyz,
# /metrics for the orchestrator and Prometheus only.
EXPOSE 3000 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||9090)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# As `npm start` runs it, without the rebuild check (there is no src/ here).
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=256", "--enable-source-maps", "dist/main.js"]
