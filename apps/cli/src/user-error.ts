/** An error caused by the user's input: printed as one line, no stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly code = "usage",
  ) {
    super(message);
  }
}
