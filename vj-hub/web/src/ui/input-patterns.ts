/**
 * `pattern` attributes for form fields, matching the wire rules of docs/protocol.md. Browsers compile them with
 * the RegExp `v` flag, where a bare `-` inside a class is a syntax error, so these are written out here
 * rather than reusing the protocol's regex strings.
 */

/** Zone, pattern, scene and DJ ids: `^[A-Za-z0-9_-]{1,64}$`. */
export const NAME_INPUT_PATTERN = '[A-Za-z0-9_\\-]{1,64}';
/** Block materials such as `minecraft:amethyst_block`. */
export const MATERIAL_INPUT_PATTERN = '[A-Za-z0-9_:.\\-]{1,64}';
/** One-time connect codes `WORD-XXXX` (any case; sent upper-cased). */
export const CONNECT_CODE_INPUT_PATTERN = '[A-Za-z]{3,12}\\-[A-Za-z0-9]{4}';
