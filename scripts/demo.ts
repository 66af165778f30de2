// `npm run demo`: the built server in demo mode, driven by a real MCP client over stdio, through the headline flows.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { DEMO_IDS, demoSeed } from "../src/emulator/demo-seed.js";

const CLI = join(import.meta.dirname, "..", "dist", "cli.js");
const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

interface Delivery {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A local webhook receiver: the emulator delivers signed events here. */
async function startReceiver() {
  let deliver: (delivery: Delivery) => void = () => {};
  const first = new Promise<Delivery>((resolve) => {
    deliver = resolve;
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      response.writeHead(200).end();
      deliver({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks`, first, close: () => server.close() };
}

/** Arguments as a reader wants them: long strings (a pasted payload) shortened. */
function brief(args: Record<string, unknown>): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    typeof value === "string" && value.length > 60 ? `${value.slice(0, 57)}…` : value,
  );
}

type Row = Record<string, unknown>;
const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);

/** One line per list item, for a person: the compact items list tools return by default. */
const ITEMS: Record<string, (row: Row) => string> = {
  list_organizations: (row) => `${row.name}  ${row.id}  ${((row.domains ?? []) as string[]).join(", ")}`,
  list_directory_users: (row) =>
    `${row.name} <${row.email}>${row.state === undefined ? "" : `  ${row.state}`}`,
  list_directory_groups: (row) => `${row.name}  ${row.id}`,
};

/** The lines a person wants from one object's data. */
function describeObject(data: Row): string[] {
  if (data.object === "organization") {
    const domains = ((data.domains ?? []) as Row[]).map((domain) =>
      domain.state === undefined ? domain.domain : `${domain.domain} (${domain.state})`,
    );
    return [`${data.name}  ${data.id}  ${domains.join(", ")}`];
  }
  if (typeof data.link === "string") return [data.link];
  if (typeof data.trusted === "boolean") {
    const event = data.event as Row | undefined;
    return [`${data.message}`, ...(event === undefined ? [] : [`${event.summary}`])];
  }
  return [JSON.stringify(data)];
}

/**
 * Prints what the model is told, shortened for a person: the server's summary and notes as they are, the data
 * one line an item, and the next-page call. The model reads the tool's whole text (its size is shown alongside).
 */
function show(name: string, result: CallToolResult): void {
  const text = result.content.map((item) => (item.type === "text" ? item.text : "")).join("\n");
  if (result.isError) throw new Error(`the call failed:\n${text}`);
  const view = result.structuredContent as { summary: string; notes?: string[]; data: unknown; next?: Row };
  console.log(`  ${view.summary}`);
  for (const note of view.notes ?? []) console.log(dim(`  note: ${note}`));
  const lines = Array.isArray(view.data)
    ? (view.data as Row[]).map((row) => `• ${ITEMS[name]?.(row) ?? JSON.stringify(row)}`)
    : describeObject(view.data as Row);
  for (const line of lines) console.log(`  ${line}`);
  if (view.next !== undefined)
    console.log(dim(`  next page: ${view.next.tool} ${JSON.stringify(view.next.arguments)}`));
  console.log(
    dim(`  (the assistant reads ${text.length} characters of text, or the same view as structured JSON)`),
  );
}

/** `promise`, or a rejection after `ms`; the timer is cleared either way, so it never holds the process open. */
async function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  if (!existsSync(CLI))
    throw new Error("dist/cli.js is missing: run `npm install` (or `npm run build`) first.");
  const receiver = await startReceiver();
  const secret = `whsec_demo_${randomBytes(16).toString("hex")}`;
  const dir = await mkdtemp(join(tmpdir(), "workos-mcp-demo-"));
  const seedFile = join(dir, "seed.json");
  await writeFile(
    seedFile,
    JSON.stringify({ ...demoSeed, webhook_endpoints: [{ url: receiver.url, secret }] }),
  );

  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, "--emulator", "--seed", seedFile],
    env: { PATH: process.env.PATH ?? "", WORKOS_WEBHOOK_SECRET: secret },
    stderr: "inherit",
  });
  const client = new Client({ name: "workos-mcp-demo", version: "1.0.0" });
  let step = 0;
  const call = async (title: string, name: string, args: Record<string, unknown>) => {
    console.log(`\n${bold(`${++step}. ${title}`)}  (${name} ${brief(args)})`);
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    show(name, result);
    return result;
  };

  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    console.log(
      `${bold("Connected")} to ${client.getServerVersion()?.name} ${client.getServerVersion()?.version}: ${tools.length} tools`,
    );

    await call("List organizations", "list_organizations", { limit: 3 });
    const created = await call("Create an organization with a pending domain", "create_organization", {
      name: "Hooli",
      domain_data: [{ domain: "hooli.com", state: "pending" }],
      external_id: "hooli-demo",
    });
    const organizationId = (created.structuredContent as { data: { id: string } }).data.id;
    await call("Fetch it back", "get_organization", { organization_id: organizationId });
    await call("Generate an Admin Portal link for SSO setup", "generate_portal_link", {
      organization_id: organizationId,
      intent: "sso",
    });
    const directory = DEMO_IDS.directories.fooCorpOkta;
    await call("List a directory's users", "list_directory_users", { directory_id: directory, limit: 5 });
    await call("List its groups", "list_directory_groups", { directory_id: directory });

    const delivery = await within(receiver.first, 10_000, "no webhook arrived within 10 s");
    console.log(
      `\n${bold("The emulator delivered a signed webhook")} for the new organization to ${receiver.url}`,
    );
    await call("Check the webhook it signed", "validate_webhook", {
      payload: delivery.body,
      signature_header: String(delivery.headers["workos-signature"]),
    });
    await call("Check a tampered copy", "validate_webhook", {
      payload: delivery.body.replace("Hooli", "Hooly"),
      signature_header: String(delivery.headers["workos-signature"]),
    });
    console.log(`\n${bold("Every flow worked.")} Connect your own MCP client: see the README.`);
  } finally {
    await client.close();
    receiver.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
