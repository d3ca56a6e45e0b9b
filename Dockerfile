# onrecord API image: Node 20, the search page built at image build time, Meilisearch reached through MEILI_URL
# (the embedded binary, an optional dependency, is left out: docker-compose.yml runs the official image).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=optional
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npx tsx scripts/build-page.ts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev --omit=optional && npm cache clean --force
COPY tsconfig.json onrecord.config.json ./
COPY src ./src
COPY indexer ./indexer
COPY seeds ./seeds
COPY --from=build /app/src/page/dist ./src/page/dist
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Run node directly (not npm) so SIGTERM from `docker stop` reaches the server and it shuts down gracefully.
CMD ["node", "--import", "tsx", "src/server.ts"]
