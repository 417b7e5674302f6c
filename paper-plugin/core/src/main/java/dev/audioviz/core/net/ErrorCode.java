package dev.audioviz.core.net;

/**
 * The error codes the Java host sends itself, before a frame reaches the engine or when the engine fails. The
 * names are those of shared-types' one list (`ERROR_CODES`); {@code ProtocolLimitsTest} fails if one is not.
 */
public enum ErrorCode {
    INVALID_JSON,
    INVALID_FIELD,
    BINARY_FRAME,
    INTERNAL_ERROR
}
