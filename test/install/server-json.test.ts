import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { DESTRUCTIVE_MODES } from "../../src/config.js";
import { ROOT, readManifest } from "./support.js";

interface EnvironmentVariable {
  name: string;
  isRequired?: boolean;
  isSecret?: boolean;
  format?: string;
  choices?: string[];
}

interface ServerJson {
  $schema: string;
  name: string;
  version: string;
  repository: { url: string; source: string };
  packages: {
    registryType: string;
    identifier: string;
    version: string;
    transport: { type: string };
    environmentVariables: EnvironmentVariable[];
  }[];
}

function readJson<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(ROOT, ...path), "utf8")) as T;
}

const server = readJson<ServerJson>("server.json");
const pkg = readJson<{ name: string; version: string; mcpName: string }>("package.json");
// The MCP registry's schema, vendored (test/fixtures/README.md) so the check needs no network.
const schema = readJson<{ $id: string }>("test", "fixtures", "mcp-registry", "server.schema.json");

describe("server.json for the MCP registry", () => {
  it("is valid against the registry's 2025-12-11 schema it names", () => {
    // strict off: the registry's schema uses OpenAPI's `example`, which is no JSON Schema keyword.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(server), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(server.$schema).toBe(schema.$id);
    expect(schema.$id).toContain("/2025-12-11/");
  });

  it("names the npm package as package.json does: name, version and mcpName", () => {
    expect(server.name).toBe(pkg.mcpName);
    expect(server.version).toBe(pkg.version);
    expect(server.packages).toHaveLength(1);
    expect(server.packages[0]).toMatchObject({
      registryType: "npm",
      identifier: pkg.name,
      version: pkg.version,
      transport: { type: "stdio" },
    });
    // The registry proves ownership of an io.github.<owner> name through the repository.
    const owner = /^io\.github\.([^/]+)\//.exec(server.name)?.[1];
    expect(server.repository.url).toBe(`https://github.com/${owner}/workos-mcp`);
    expect(server.repository.url).toBe(readManifest().repository?.url);
  });

  it("lists only environment variables the server reads, and marks the secret ones", () => {
    const help = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "--help"], {
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
    }).stdout;
    const environment = help.slice(help.indexOf("Environment:"));
    const variables = server.packages[0]?.environmentVariables ?? [];
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) {
      expect(environment, `${variable.name} is not in --help`).toMatch(
        new RegExp(`^ +${variable.name} `, "m"),
      );
      expect(variable.isSecret ?? false, variable.name).toBe(/KEY|SECRET|TOKEN/.test(variable.name));
    }
    const destructive = variables.find((variable) => variable.name === "WORKOS_MCP_DESTRUCTIVE");
    expect(destructive?.choices).toEqual([...DESTRUCTIVE_MODES]);
  });
});
