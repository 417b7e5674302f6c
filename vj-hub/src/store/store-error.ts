import type { ErrorCode } from '@audioviz/shared-types';

/** Why a state change was refused: a stable code and a message for the operator. */
export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
