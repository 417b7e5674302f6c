/** A problem with audio input, with a stable code and a message that says what to do next. */
export class AudioInputError extends Error {
  constructor(
    /** Stable code, e.g. `WAV_UNSUPPORTED_FORMAT`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AudioInputError';
  }
}
