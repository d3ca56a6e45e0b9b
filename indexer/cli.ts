// Command-line entry: `npm run -s cli -- <command>`. Parses arguments and hands off to one module per command.
import { Command } from "commander";
// Commands are imported when run, so `chunk` does not pay for loading the Meilisearch client, config and logger.

const program = new Command()
  .name("onrecord")
  .description("Read news articles, split them into paragraph and quote documents, and index them in Meilisearch.")
  .showHelpAfterError();

program
  .command("chunk")
  .description("Print the documents of each article as NDJSON on stdout (needs no Meilisearch)")
  .argument("<paths...>", "article files or folders")
  .action(async (paths: string[]) => {
    const { runChunkCommand } = await import("./commands/chunk.js");
    process.exitCode = await runChunkCommand(paths);
  });

program
  .command("index")
  .description("Read, chunk and push articles to Meilisearch, then print a summary")
  .argument("[paths...]", "article files or folders (default: ARTICLES_DIR or seeds/)")
  .action(async (paths: string[]) => {
    const { runIndexCommand } = await import("./commands/index.js");
    process.exitCode = await runIndexCommand(paths);
  });

program
  .command("reindex")
  .description("Re-index the configured sources (onrecord.config.json): only new and changed articles, or --full to rebuild and swap")
  .option("--full", "build a fresh index, check it, and swap it in atomically")
  .action(async (options: { full?: boolean }) => {
    const { runReindexCommand } = await import("./commands/reindex.js");
    process.exitCode = await runReindexCommand(options);
  });

program
  .command("schedule")
  .description("Keep running and re-index on REINDEX_CRON (for a separate indexer process)")
  .option("--now", "also run once at start")
  .action(async (options: { now?: boolean }) => {
    const { runScheduleCommand } = await import("./commands/schedule.js");
    process.exitCode = await runScheduleCommand(options);
  });

await program.parseAsync();
