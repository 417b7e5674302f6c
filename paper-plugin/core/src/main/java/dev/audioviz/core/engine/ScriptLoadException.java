package dev.audioviz.core.engine;

/** A bundle or pattern that did not load; the message says why, for the console and the reload reply. */
public final class ScriptLoadException extends Exception {
    public ScriptLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
