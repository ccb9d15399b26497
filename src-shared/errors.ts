/**
 * The one error type services throw. `code` is stable and machine-readable (English, dotted);
 * `message` is the Chinese sentence a clerk reads. Only the IPC dispatcher and the CLI turn it
 * into a result or an exit status — nothing else catches it to swallow it.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details?: unknown;

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
