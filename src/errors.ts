// Typed application errors: one base class carrying the HTTP status and a stable code, with a cause.

/** An error the service knows how to answer: `{ error: { code, message, param? } }` with `status`. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { param?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.param = options.param;
  }
}

/** 400: a parameter is missing, unknown or malformed (`param` names it). */
export class BadRequest extends AppError {
  constructor(message: string, param?: string) {
    super(400, "bad_request", message, param === undefined ? {} : { param });
  }
}

/** 401: missing or wrong credentials. */
export class Unauthorized extends AppError {
  constructor(message = "Missing or invalid credentials") {
    super(401, "unauthorized", message);
  }
}

/** 404: the route or the resource does not exist. */
export class NotFound extends AppError {
  constructor(message = "Not found") {
    super(404, "not_found", message);
  }
}

/** 409: the request conflicts with work in progress. */
export class Conflict extends AppError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

/** 503: a dependency (Meilisearch) is down, slow or not ready. */
export class Unavailable extends AppError {
  constructor(message = "Search is temporarily unavailable", cause?: unknown) {
    super(503, "unavailable", message, { cause });
  }
}
