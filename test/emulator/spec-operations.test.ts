import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTPUT_FILE, renderSpecOperations, SPEC_FILE } from "../../scripts/spec-operations.js";

describe("src/emulator/spec-operations.ts", () => {
  it("is what `npm run spec-operations` generates from the vendored spec", () => {
    const generated = renderSpecOperations(readFileSync(SPEC_FILE, "utf8"));
    // On a failure, run `npm run spec-operations` and commit the result.
    expect(readFileSync(OUTPUT_FILE, "utf8")).toBe(generated);
  });

  it("lists every operation of a spec, with its operationId and first tag, and refuses one without", () => {
    const spec = `
paths:
  /things/{id}:
    parameters: []
    get: { operationId: ThingsController_get, tags: [things, extra] }
    patch: { operationId: ThingsController_update, tags: [things] }
`;
    const text = renderSpecOperations(spec);
    expect(text).toContain(
      'method: "GET",\n    template: "/things/{id}",\n    operationId: "ThingsController_get",',
    );
    expect(text).toContain('tag: "things",\n  },\n  {\n    method: "PATCH",');
    expect(text).toContain("(2)");
    expect(() => renderSpecOperations("paths:\n  /things:\n    get: { tags: [things] }\n")).toThrow(
      "GET /things has no operationId",
    );
  });
});
