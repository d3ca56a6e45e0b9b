// The reader's one error type: a file-level problem reported as the file's skip reason.

/** A file cannot be read as articles; `message` is the one-line reason shown in run reports. */
export class ReadError extends Error {
  override name = "ReadError";
}
