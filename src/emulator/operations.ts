import type { Route } from "./router.js";
import { SPEC_OPERATIONS, type SpecOperation } from "./spec-operations.js";

/** A method and path template, `{name}` for each parameter as the spec writes them. */
export interface OperationRef {
  method: string;
  template: string;
}

/** What GET /_emulator/operations answers. */
export interface OperationsReport {
  object: "list";
  /** The spec's operations the emulator serves, in the spec's order. */
  data: { method: string; template: string; operation_id: string; tag: string }[];
  served: number;
  spec_total: number;
  not_emulated: number;
  /** Routes the emulator answers that are no operation of the spec. */
  beyond_spec: OperationRef[];
}

/** A template's segments: a literal, or undefined for a parameter (`{id}` in the spec, `:id` in a route). */
type Shape = readonly (string | undefined)[];

interface Indexed {
  operation: SpecOperation;
  shape: Shape;
}

function shapeOf(template: string, isParameter: (segment: string) => boolean): Shape {
  return template
    .split("/")
    .filter(Boolean)
    .map((segment) => (isParameter(segment) ? undefined : segment));
}

const specParameter = (segment: string) => segment.startsWith("{") && segment.endsWith("}");
const routeParameter = (segment: string) => segment.startsWith(":");

/**
 * A binary number, a 1 for each literal segment and a 0 for each parameter, left to right: of two templates of
 * one length that fit a path, the greater has a literal where the other first has a parameter.
 */
function specificity(shape: Shape): number {
  return shape.reduce((value, segment) => value * 2 + (segment === undefined ? 0 : 1), 0);
}

function fits(shape: Shape, parts: readonly string[]): boolean {
  return shape.every((segment, i) => segment === undefined || segment === parts[i]);
}

/** Which of the spec's operations the emulator's routes serve, and which operation an unrouted request asks for. */
export class OperationCoverage {
  private readonly served: ReadonlySet<SpecOperation>;
  private readonly beyondSpec: OperationRef[] = [];
  /** By method, then by segment count; most specific template first. */
  private readonly index = new Map<string, Map<number, Indexed[]>>();

  constructor(
    routes: readonly Route[],
    private readonly operations: readonly SpecOperation[] = SPEC_OPERATIONS,
  ) {
    for (const operation of operations) {
      const shape = shapeOf(operation.template, specParameter);
      const byLength = this.index.get(operation.method) ?? new Map<number, Indexed[]>();
      this.index.set(operation.method, byLength);
      const bucket = byLength.get(shape.length) ?? [];
      byLength.set(shape.length, bucket);
      bucket.push({ operation, shape });
    }
    for (const byLength of this.index.values()) {
      for (const bucket of byLength.values()) {
        bucket.sort((a, b) => specificity(b.shape) - specificity(a.shape));
      }
    }
    const served = new Set<SpecOperation>();
    for (const route of routes) {
      const operation = this.ofRoute(route);
      if (operation) served.add(operation);
      else this.beyondSpec.push({ method: route.method, template: route.pattern.replace(/:(\w+)/g, "{$1}") });
    }
    this.served = served;
  }

  /**
   * The spec's operation a request asks for when no route serves it, or undefined when the spec has none (or
   * it is served, and the router refused the path for another reason, such as bad percent-encoding). Where
   * templates overlap, the one with a literal segment earliest wins, as `/invitations/by_token/{token}` over
   * `/invitations/{id}/accept`.
   */
  notEmulated(method: string, path: string): SpecOperation | undefined {
    const parts = path.split("/").filter(Boolean);
    const candidates = this.index.get(method)?.get(parts.length) ?? [];
    const operation = candidates.find(({ shape }) => fits(shape, parts))?.operation;
    return operation === undefined || this.served.has(operation) ? undefined : operation;
  }

  report(): OperationsReport {
    const data = this.operations
      .filter((operation) => this.served.has(operation))
      .map(({ method, template, operationId, tag }) => ({
        method,
        template,
        operation_id: operationId,
        tag,
      }));
    return {
      object: "list",
      data,
      served: data.length,
      spec_total: this.operations.length,
      not_emulated: this.operations.length - data.length,
      beyond_spec: [...this.beyondSpec],
    };
  }

  /** The spec's operation a route serves: the same method, and a template with the same literals and parameters. */
  private ofRoute(route: Route): SpecOperation | undefined {
    const shape = shapeOf(route.pattern, routeParameter);
    const candidates = this.index.get(route.method)?.get(shape.length) ?? [];
    return candidates.find((candidate) => candidate.shape.every((segment, i) => segment === shape[i]))
      ?.operation;
  }
}
