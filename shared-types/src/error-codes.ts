/**
 * Every `code` an AudioViz `error` reply can carry, on every port and from every component (engine, hub, Java
 * host): one vocabulary, so a client handles a cause the same way wherever it comes from. `close` is the close
 * code the same cause ends a connection with where it happens during a handshake; docs/protocol.md lists them
 * all, and the Java host's names are checked against this table.
 */
import { CLOSE_CODES, type CloseCode } from './close-codes';

interface ErrorCodeInfo {
  readonly meaning: string;
  readonly close?: CloseCode;
}

const TABLE = {
  INVALID_JSON: {
    meaning: 'the frame is not JSON',
    close: CLOSE_CODES.INVALID_MESSAGE,
  },
  NOT_AN_OBJECT: { meaning: 'the frame is JSON but not an object' },
  UNKNOWN_TYPE: { meaning: 'no message of that `type` exists on this port' },
  INVALID_FIELD: {
    meaning: "a field is missing, of the wrong type or out of range; the message names the field's path",
  },
  MESSAGE_TOO_BIG: {
    meaning: "the frame is over the port's size limit",
    close: CLOSE_CODES.MESSAGE_TOO_BIG,
  },
  BINARY_FRAME: { meaning: 'a binary frame where only text is spoken' },
  UNSUPPORTED: { meaning: 'a message MCAV defines that AudioViz does not implement (the message names it)' },
  ZONE_NOT_FOUND: { meaning: 'a zone command names a zone that does not exist' },
  ZONE_EXISTS: { meaning: '`zone create` or `init_pool` with a name already taken' },
  INVALID_NAME: { meaning: 'a zone, pattern or scene name outside `^[A-Za-z0-9_-]{1,64}$`' },
  INVALID_ARGUMENT: { meaning: 'a request that is well-formed but cannot be done as asked' },
  PATTERN_NOT_FOUND: { meaning: '`set_pattern` naming a pattern that is not loaded' },
  PATTERN_DISABLED: { meaning: 'a pattern the watchdog disabled after it ran past its budget' },
  SCENE_NOT_FOUND: {
    meaning: '`load_scene` or `delete_scene` naming a scene that is not saved (on a server or the hub)',
  },
  SCRIPT_REJECTED: { meaning: '`load_script` whose source does not load' },
  UNAUTHORIZED: {
    meaning: 'a request that needs authentication (`load_script` without the plugin token)',
    close: CLOSE_CODES.INVALID_MESSAGE,
  },
  INTERNAL_ERROR: { meaning: 'something failed inside; reported once, the show goes on' },
  RATE_LIMITED: { meaning: ':8766: more than 10 commands a second from one page' },
  ALREADY_AUTHENTICATED: { meaning: ':9000 and :8766: a second auth message on an authenticated socket' },
  ALREADY_CONNECTED: {
    meaning: ':9000: a DJ with this id is already connected',
    close: CLOSE_CODES.ALREADY_CONNECTED,
  },
  UNKNOWN_DJ: { meaning: ':8766: a command naming a DJ who is not connected or not waiting' },
  UNKNOWN_SETTING: { meaning: ':8766: `set_audio_setting` with a setting the hub does not have' },
  UNKNOWN_CODE: { meaning: ':8766: a connect code that is not live' },
  MINECRAFT_TIMEOUT: {
    meaning: ':8766: a zone command the hub passed on to a Minecraft server that did not answer',
  },
  MINECRAFT_REFUSED: { meaning: ':8766: a zone command a Minecraft server refused (its reason follows)' },
  COMMAND_FAILED: { meaning: 'an :8766 command that failed for another reason, said in the message' },
  FRAMES_REFUSED: {
    meaning:
      ":9000: this DJ's audio frames are being refused; the message says which field and how to fix it",
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof TABLE;

/** Each code by name, for use in code: `ERROR_CODES.ZONE_NOT_FOUND`. */
export const ERROR_CODES: { readonly [K in ErrorCode]: K } = Object.freeze(
  Object.fromEntries(Object.keys(TABLE).map((code) => [code, code])) as { [K in ErrorCode]: K },
);

/** What each code means and, where one applies, the close code of the same cause. */
export const ERROR_CODE_INFO: Readonly<Record<ErrorCode, ErrorCodeInfo>> = TABLE;
