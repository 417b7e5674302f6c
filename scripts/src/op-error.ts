import type { ErrorCode } from '@audioviz/shared-types';

/**
 * A refused operation: a stable code for machines, a message for people (what happened, what to do). The
 * protocol handler turns it into an `error` reply, the command tree into a failed reply; anything else that
 * escapes an operation is reported as INTERNAL_ERROR.
 * Codes come from shared-types' `ERROR_CODES`, the one list every port uses.
 */
export class OpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
