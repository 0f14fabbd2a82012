# relpack: API, web UI and workers in one image (`serve` by default, `worker` for Redis workers).
# Build stage: compiles TypeScript and the native SQLite binding, then drops dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY web ./web
# `npm ci` runs `prepare` (the TypeScript build and the web UI into dist/web) once the sources are in place.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

# Runtime stage: Node 24 (LTS) slim, mkvtoolnix for samples, tini as PID 1, a non-root user.
FROM node:24-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends mkvtoolnix tini ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home relpack \
  && mkdir -p /data \
  && chown relpack:relpack /data
ENV NODE_ENV=production \
    RELPACK_DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/bin ./bin
USER relpack
VOLUME ["/data"]
EXPOSE 8080
# Liveness only; /api/ready also checks the database and migrations.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["tini", "--", "node", "/app/bin/relpack.js"]
CMD ["serve"]
