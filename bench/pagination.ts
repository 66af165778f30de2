import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WorkOS } from "@workos-inc/node";
import { WorkOSClient } from "../src/client/client.js";
import type { Seed } from "../src/emulator/seed.js";
import { spawnEmulator } from "./lib/emulator.js";
import { type Benchmark, compareTimes } from "./lib/report.js";
import { time } from "./lib/stats.js";

const ORGANIZATION = "org_01BENCH0000000000000000000";
const DIRECTORY = "directory_01BENCH00000000000000000";

function directorySeed(users: number): Seed {
  return {
    organizations: [{ id: ORGANIZATION, name: "Bench Corp", domains: ["bench.example"] }],
    directories: [
      { id: DIRECTORY, organization_id: ORGANIZATION, type: "okta scim v2.0", name: "Bench Okta" },
    ],
    directory_users: Array.from({ length: users }, (_, i) => ({
      directory_id: DIRECTORY,
      email: `user${i}@bench.example`,
      first_name: `First${i}`,
      last_name: `Last${i}`,
      job_title: "Engineer",
      raw_attributes: { department: "R&D", employeeNumber: String(i) },
    })),
  };
}

/**
 * Every user of one directory, in process: our client's cursor walk against the SDK's autoPagination(),
 * which sleeps 350 ms between pages. The SDK walk is slow, so it runs once, between our runs.
 */
export const paginationBenchmark: Benchmark = {
  name: "walk directory users",
  async run({ quick, progress }) {
    const users = quick ? 2_000 : 10_000;
    const dir = await mkdtemp(join(tmpdir(), "workos-mcp-bench-"));
    const seedFile = join(dir, "seed.json");
    await writeFile(seedFile, JSON.stringify(directorySeed(users)));
    const emulator = await spawnEmulator(seedFile);
    const client = new WorkOSClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    const base = new URL(emulator.url);
    const workos = new WorkOS(emulator.apiKey, {
      apiHostname: base.hostname,
      https: false,
      port: Number(base.port),
    });
    const expect = (walked: number) => {
      if (walked !== users) throw new Error(`walked ${walked} users, expected ${users}`);
    };
    const walkOurs = () =>
      time(async () => {
        let walked = 0;
        for await (const _user of client.items("/directory_users", { query: { directory: DIRECTORY } }))
          walked++;
        expect(walked);
      });
    const walkSdk = () =>
      time(async () =>
        expect(
          (await (await workos.directorySync.listUsers({ directory: DIRECTORY })).autoPagination()).length,
        ),
      );
    try {
      const oursRuns = quick ? 3 : 5;
      const sleeps = Math.ceil(users / 100) - 1;
      progress(
        `walk ${users} users: ours ${oursRuns}x around one SDK autoPagination() (~${(sleeps * 0.35).toFixed(0)} s of SDK sleeps)`,
      );
      await walkOurs();
      const ours = [];
      for (let i = 0; i < oursRuns >> 1; i++) ours.push(await walkOurs());
      const sdk = [await walkSdk()];
      while (ours.length < oursRuns) ours.push(await walkOurs());
      return [
        compareTimes(
          `walk ${users.toLocaleString("en")} directory users vs SDK autoPagination()`,
          ours,
          sdk,
          {
            maxRatio: 0.05,
            text: "≤ 0.05 (≥ 20x faster)",
          },
          `in process, 100 per page; ours: median of ${oursRuns} walks (half before, half after the SDK's single walk); the SDK's time includes ${sleeps} × 350 ms = ${(sleeps * 0.35).toFixed(1)} s of sleeping between pages`,
        ),
      ];
    } finally {
      await client.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
