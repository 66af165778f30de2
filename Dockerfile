# workos-mcp over Streamable HTTP, for a team: stateless, so run as many replicas as you like.
#   docker build -t workos-mcp .
#   docker run --rm -p 3000:3000 -e WORKOS_API_KEY -e WORKOS_MCP_HTTP_TOKEN workos-mcp
# Behind a load balancer, also set WORKOS_MCP_ALLOWED_HOSTS to the public host name (see docs/http.md).
# test/install/docker.test.ts assembles this build from the same context and runs its steps.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the prepare script builds, and the sources are not copied yet.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.ts ./scripts/
COPY src ./src
RUN npm run build

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
# The bundled CLI (dist/cli.js and its chunks) carries its dependencies: no node_modules in the image.
# package.json marks the files as ES modules.
COPY package.json LICENSE ./
COPY --from=build /app/dist/cli.js /app/dist/THIRD_PARTY_LICENSES.txt ./dist/
COPY --from=build /app/dist/chunks ./dist/chunks
# Runs as the image's unprivileged node user; nothing in /app is writable by it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server handles SIGTERM itself (finishes requests in flight, then exits), so it can run as PID 1.
CMD ["node", "dist/cli.js", "--http", "--host", "0.0.0.0", "--port", "3000"]
