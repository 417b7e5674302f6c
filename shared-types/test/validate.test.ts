import assert from 'node:assert/strict';
import {
  BROWSER_INBOUND,
  BROWSER_OUTBOUND,
  DJ_INBOUND,
  DJ_OUTBOUND,
  MAX_PLUGIN_MESSAGE_BYTES,
  PLUGIN_INBOUND,
  PLUGIN_OUTBOUND,
  browserValidator,
  createPortValidator,
  djValidator,
  exceedsUtf8Bytes,
  pluginValidator,
} from '../src';
import {
  BROWSER_INBOUND_EXAMPLES,
  BROWSER_OUTBOUND_EXAMPLES,
  DJ_INBOUND_EXAMPLES,
  DJ_OUTBOUND_EXAMPLES,
  PLUGIN_INBOUND_EXAMPLES,
  PLUGIN_OUTBOUND_EXAMPLES,
} from './examples';

const tables = [
  { name: ':8765 inbound', table: PLUGIN_INBOUND, examples: PLUGIN_INBOUND_EXAMPLES },
  { name: ':8765 outbound', table: PLUGIN_OUTBOUND, examples: PLUGIN_OUTBOUND_EXAMPLES },
  { name: ':9000 inbound', table: DJ_INBOUND, examples: DJ_INBOUND_EXAMPLES },
  { name: ':9000 outbound', table: DJ_OUTBOUND, examples: DJ_OUTBOUND_EXAMPLES },
  { name: ':8766 inbound', table: BROWSER_INBOUND, examples: BROWSER_INBOUND_EXAMPLES },
  { name: ':8766 outbound', table: BROWSER_OUTBOUND, examples: BROWSER_OUTBOUND_EXAMPLES },
];

describe('port validators', () => {
  for (const { name, table, examples } of tables) {
    describe(name, () => {
      const validator = createPortValidator(table, 1 << 20);

      it('has an example for every message type, and no example without a schema', () => {
        assert.deepEqual(Object.keys(examples).sort(), Object.keys(table).sort());
      });

      for (const [type, example] of Object.entries(examples)) {
        it(`accepts the ${type} example, parsed from text and as a value`, () => {
          const fromText = validator.parse(JSON.stringify(example));
          assert.ok(fromText.ok, fromText.ok ? '' : fromText.error.message);
          assert.deepEqual(fromText.value, example);
          assert.ok(validator.validate(example).ok);
        });
      }

      it('ignores unknown extra fields (docs/protocol.md: never fatal)', () => {
        for (const example of Object.values(examples)) {
          const result = validator.validate({ ...example, some_future_field: [1, 2, 3] });
          assert.ok(result.ok, result.ok ? '' : result.error.message);
        }
      });

      it('accepts the envelope fields v and _seq on every message', () => {
        for (const example of Object.values(examples)) {
          assert.ok(validator.validate({ ...example, v: '1.0.0', _seq: 12 }).ok);
        }
      });
    });
  }

  describe('parse', () => {
    it('refuses text over the size limit before parsing it', () => {
      const result = pluginValidator.parse(`{"type":"ping","pad":"${'x'.repeat(MAX_PLUGIN_MESSAGE_BYTES)}"}`);
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'MESSAGE_TOO_BIG');
      assert.equal(result.error.message, `message of more than ${MAX_PLUGIN_MESSAGE_BYTES} bytes refused`);
    });

    it('counts multi-byte characters as UTF-8 bytes when sizing', () => {
      // 100 000 three-byte characters: 100 000 UTF-16 units, 300 000 bytes.
      const result = pluginValidator.parse(`{"type":"ping","pad":"${'€'.repeat(100_000)}"}`);
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'MESSAGE_TOO_BIG');
    });

    it('reports invalid JSON with a stable code', () => {
      const result = djValidator.parse('{"type":"ping"');
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'INVALID_JSON');
      assert.equal(result.error.message, 'message is not valid JSON');
    });

    it('refuses JSON that is not an object', () => {
      for (const raw of ['[]', '42', '"ping"', 'null', 'true']) {
        const result = browserValidator.parse(raw);
        assert.ok(!result.ok);
        assert.equal(result.error.code, 'NOT_AN_OBJECT', raw);
      }
    });

    it('names an unknown message type', () => {
      const result = pluginValidator.parse('{"type":"make_coffee"}');
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'UNKNOWN_TYPE');
      assert.equal(result.error.message, 'unknown message type "make_coffee"');
    });

    it('does not treat inherited object keys as message types', () => {
      for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        const result = pluginValidator.validate({ type });
        assert.ok(!result.ok);
        assert.equal(result.error.code, 'UNKNOWN_TYPE', type);
      }
    });
  });

  describe('exceedsUtf8Bytes', () => {
    it('is exact at the limit for ASCII, two-, three- and four-byte characters', () => {
      assert.equal(exceedsUtf8Bytes('a'.repeat(10), 10), false);
      assert.equal(exceedsUtf8Bytes('a'.repeat(11), 10), true);
      assert.equal(exceedsUtf8Bytes('é'.repeat(5), 10), false);
      assert.equal(exceedsUtf8Bytes('é'.repeat(6), 10), true);
      assert.equal(exceedsUtf8Bytes('€€€', 9), false);
      assert.equal(exceedsUtf8Bytes('€€€', 8), true);
      assert.equal(exceedsUtf8Bytes('🎵🎵', 8), false);
      assert.equal(exceedsUtf8Bytes('🎵🎵', 7), true);
    });
  });
});
