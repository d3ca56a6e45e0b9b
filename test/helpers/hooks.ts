// Mocha root hooks (registered in .mocharc.json "require"): stop the shared test Meilisearch after the run.
import { stopTestMeili } from "./meili.js";

export const mochaHooks = {
  async afterAll(this: unknown): Promise<void> {
    await stopTestMeili();
  },
};
