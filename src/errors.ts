/**
 * Something the person can fix. Its message is shown to them as it is, so it is written kindly and says what to
 * do next. Everything that is not a UserError is our fault: it is logged and the person sees an apology.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
