// Command-line entry: `npm run -s cli -- <command>`. Parses arguments and hands off to one module per command.
import { Command } from "commander";
import { runChunkCommand } from "./commands/chunk.js";
import { runIndexCommand } from "./commands/index.js";

const program = new Command()
  .name("onrecord")
  .description("Read news articles, split them into paragraph and quote documents, and index them in Meilisearch.")
  .showHelpAfterError();

program
  .command("chunk")
  .description("Print the documents of each article as NDJSON on stdout (needs no Meilisearch)")
  .argument("<paths...>", "article files or folders")
  .action(async (paths: string[]) => {
    process.exitCode = await runChunkCommand(paths);
  });

program
  .command("index")
  .description("Read, chunk and push articles to Meilisearch, then print a summary")
  .argument("[paths...]", "article files or folders (default: ARTICLES_DIR or seeds/)")
  .action(async (paths: string[]) => {
    process.exitCode = await runIndexCommand(paths);
  });

await program.parseAsync();
