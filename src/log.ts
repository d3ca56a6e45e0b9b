// Logging: one pino logger, written to stderr so CLI stdout stays clean for data.
import { pino, type Logger } from "pino";

export type { Logger };

/** Creates the process logger at `level`, writing JSON lines to stderr. */
export function createLogger(level: string = "info", name = "onrecord"): Logger {
  return pino({ name, level, base: { name } }, pino.destination({ fd: 2, sync: false }));
}
