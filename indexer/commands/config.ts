// Configuration for a CLI command: a bad environment is printed as its one clear message, never a stack trace.
import { loadConfig, type Config } from "../../src/config.js";

/** The parsed configuration, or undefined after printing what is wrong with it on stderr. */
export function configForCommand(): Config | undefined {
  try {
    return loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return undefined;
  }
}
