/** Bad input to impact: a located, coded, one-line problem (exit 2). */
export class ImpactInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${message} [${code}]`);
  }
}
