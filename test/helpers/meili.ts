// Test helper: one real Meilisearch per test run (started lazily on a free port with a temporary data folder),
// a fresh uniquely-named index with settings per test, and stop/restart for outage tests.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { adminClient } from "../../src/meili/connect.js";
import { ensureEmbedded, freePort, type EmbeddedMeili } from "../../src/meili/embedded.js";
import { applySettings } from "../../src/meili/settings.js";

/** The run's Meilisearch. */
export interface TestMeili {
  url: string;
  masterKey: string;
  /** Client with the master key. */
  client: Meilisearch;
  /** Stops the server (the data folder stays, so `restart` brings the same indexes back on the same port). */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

let started: Promise<{ meili: TestMeili; dataDir: string }> | undefined;
let current: EmbeddedMeili | undefined;
let counter = 0;

async function start(): Promise<{ meili: TestMeili; dataDir: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-test-meili-"));
  const port = await freePort();
  current = await ensureEmbedded({ dataDir, port });
  const meili: TestMeili = {
    url: current.url,
    masterKey: current.masterKey,
    client: adminClient(current.url, current.masterKey),
    stop: async () => current?.stop(),
    restart: async () => {
      await current?.stop();
      current = await ensureEmbedded({ dataDir, port });
    },
  };
  return { meili, dataDir };
}

/** The run's Meilisearch, started on first use. */
export async function testMeili(): Promise<TestMeili> {
  started ??= start();
  return (await started).meili;
}

/** Creates a uniquely-named index (and its speakers index) with the project's settings; returns its base name. */
export async function freshIndex(prefix = "t"): Promise<string> {
  const { client } = await testMeili();
  const name = `${prefix.replace(/[^A-Za-z0-9_-]/g, "_")}_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  await applySettings(client, name);
  return name;
}

/** Stops the run's Meilisearch and removes its data folder (root hook, after all tests). */
export async function stopTestMeili(): Promise<void> {
  if (!started) return;
  const { dataDir } = await started;
  await current?.stop();
  started = undefined;
  await fs.rm(dataDir, { recursive: true, force: true });
}
