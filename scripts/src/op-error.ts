/**
 * A refused operation: a stable code for machines, a message for people (what happened, what to do). The
 * protocol handler turns it into an `error` reply, the command tree into a failed reply; anything else that
 * escapes an operation is reported as INTERNAL_ERROR.
 */
export const OP_ERROR_CODES = {
  ZONE_NOT_FOUND: 'ZONE_NOT_FOUND',
  ZONE_EXISTS: 'ZONE_EXISTS',
  INVALID_NAME: 'INVALID_NAME',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  PATTERN_NOT_FOUND: 'PATTERN_NOT_FOUND',
  PATTERN_DISABLED: 'PATTERN_DISABLED',
  SCENE_NOT_FOUND: 'SCENE_NOT_FOUND',
  SCRIPT_REJECTED: 'SCRIPT_REJECTED',
  UNAUTHORIZED: 'UNAUTHORIZED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;
export type OpErrorCode = (typeof OP_ERROR_CODES)[keyof typeof OP_ERROR_CODES];

export class OpError extends Error {
  constructor(
    readonly code: OpErrorCode,
    message: string,
  ) {
    super(message);
  }
}
