# Production image: the Next.js standalone server with SQLite on a volume.
#   docker build -t ticket-crm .
#   docker run -p 3000:3000 -v crm-data:/data ticket-crm
#
# Database: migrations run when the server starts (instrumentation.ts -> db/bootstrap.ts), and an
# empty database is seeded then: demo data by default, or with CRM_SEED=none only the administrator
# named by CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD.
# Sessions: the signing key is AUTH_SECRET when set; otherwise lib/auth/secret.ts generates one once
# into the data directory (/data/auth-secret, beside the database), so keep /data on a volume or
# every restart signs everybody out.
# Backups: the image holds only the server (no tsx); run `npm run backup -- FILE` from a checkout with
# DATABASE_PATH pointing at the volume's crm.sqlite. The online backup is safe while the server runs.

# ---- deps: every dependency, with the toolchain better-sqlite3 needs when no prebuilt binary fits
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci

# ---- build: production build, then static assets and migrations beside server.js
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && node scripts/prepare-standalone.mjs

# ---- runtime: only the traced standalone output (server.js, its node_modules, .next, db/migrations)
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATABASE_PATH=/data/crm.sqlite \
    NEXT_TELEMETRY_DISABLED=1
RUN groupadd --system --gid 1001 crm \
 && useradd --system --uid 1001 --gid crm --no-create-home --shell /usr/sbin/nologin crm \
 && mkdir /data \
 && chown crm:crm /data
# Owned by the app user: Next writes its own cache below .next at run time.
COPY --from=build --chown=crm:crm /app/.next/standalone ./
USER crm
VOLUME /data
EXPOSE 3000
# No curl in the slim image: Node's built-in fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
