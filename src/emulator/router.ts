import type { IncomingHttpHeaders } from "node:http";
import type { EmittedEvent } from "./resource.js";
import type { EmulatorStore } from "./store.js";

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status: number;
  /** JSON-serialized unless `raw` is set. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** What route handlers get besides the request. */
export interface EmulatorContext {
  readonly store: EmulatorStore;
  now(): number;
  /** The emulator's own base URL, e.g. http://127.0.0.1:4010. */
  baseUrl(): string;
  emit(event: EmittedEvent): void;
  /** The API key the emulator accepts, which is also its OAuth client secret (POST /sso/token). */
  readonly apiKey: string;
}

/** A handler answers at once, or later when it must fetch something first (a client's metadata document). */
export type Handler = (req: ApiRequest, ctx: EmulatorContext) => Reply | Promise<Reply>;

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  pattern: string;
  handler: Handler;
  /** Routes reachable without the API key (the Admin Portal launch page). */
  public?: boolean;
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "method_not_allowed"; allowed: string[] }
  | { kind: "not_found" };

interface CompiledRoute {
  route: Route;
  segments: string[];
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => ({ route, segments: route.pattern.split("/").filter(Boolean) }));
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split("/").filter(Boolean);
    const allowed: string[] = [];
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method === method) return { kind: "found", route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: "method_not_allowed", allowed } : { kind: "not_found" };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(":")) {
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      params[segment.slice(1)] = value;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}
