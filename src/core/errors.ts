/**
 * A failure the user can act on. Its message says which call or input failed and what to
 * check; it never contains a token.
 */
export class LoginError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoginError';
  }
}

/** An input that was refused before any request was sent. */
export class InputError extends LoginError {
  /** The input's canonical (kebab-case) name. */
  readonly input: string;

  constructor(input: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.input = input;
  }
}

/** The message of anything thrown, for a log line. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
