package dev.audioviz.core.json;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks that a text is one well-formed JSON object and keeps its top-level string and number members.
 * The socket threads need only {@code type}, {@code token}, {@code _seq} and {@code timestamp} (auth, ping,
 * error replies); message shapes are validated by the engine, never re-declared in Java.
 *
 * <p>Nesting is limited to {@value #MAX_DEPTH} levels so hostile input cannot exhaust the stack.
 */
public final class TopLevelFields {
    /** Deepest nesting accepted; the protocol's messages nest four levels at most. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private final Map<String, Object> fields = new HashMap<>();

    private TopLevelFields(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @return the top-level members whose values are strings ({@link String}) or numbers ({@link Double})
     * @throws MalformedJsonException with a readable reason when the text is not one JSON object
     */
    public static Map<String, Object> parse(String text) throws MalformedJsonException {
        TopLevelFields p = new TopLevelFields(text);
        p.skipSpace();
        if (p.peek() != '{') throw p.fail("expected a JSON object");
        p.object(1, true);
        p.skipSpace();
        if (p.pos != text.length()) throw p.fail("unexpected text after the object");
        return p.fields;
    }

    /** Thrown for text that is not one JSON object. */
    public static final class MalformedJsonException extends Exception {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }

    private Object value(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) throw fail("nested deeper than " + MAX_DEPTH + " levels");
        skipSpace();
        char c = peek();
        switch (c) {
            case '{' -> object(depth, false);
            case '[' -> array(depth);
            case '"' -> {
                return string();
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw fail("unexpected character");
            }
        }
        return null;
    }

    private void object(int depth, boolean top) throws MalformedJsonException {
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw fail("expected a member name");
            String key = string();
            skipSpace();
            if (peek() != ':') throw fail("expected ':'");
            pos++;
            Object v = value(depth + 1);
            if (top && v != null) fields.put(key, v);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') return;
            if (c != ',') throw fail("expected ',' or '}'");
        }
    }

    private void array(int depth) throws MalformedJsonException {
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth + 1);
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') return;
            if (c != ',') throw fail("expected ',' or ']'");
        }
    }

    private String string() throws MalformedJsonException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') return out.toString();
            if (c < 0x20) throw fail("control character in a string");
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos++) : 0;
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw fail("short \\u escape");
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw fail("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw fail("bad escape");
            }
        }
        throw fail("unterminated string");
    }

    private Double number() throws MalformedJsonException {
        int start = pos;
        if (peek() == '-') pos++;
        if (!digits()) throw fail("bad number");
        if (peek() == '.') {
            pos++;
            if (!digits()) throw fail("bad number");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!digits()) throw fail("bad number");
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) pos++;
        return pos > start;
    }

    private void literal(String word) throws MalformedJsonException {
        if (!text.startsWith(word, pos)) throw fail("unexpected character");
        pos += word.length();
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private MalformedJsonException fail(String reason) {
        return new MalformedJsonException("invalid JSON at character " + pos + ": " + reason);
    }
}
