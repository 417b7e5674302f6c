// Property-based checks: generated valid messages pass, one out-of-range field fails with its own path,
// and nothing — however hostile — makes a validator throw.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { browserValidator, djValidator, pluginValidator } from '../src';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const entityArb = fc.record(
  {
    id: fc.nat(9999).map((n) => `block_${n}`),
    x: unit,
    y: unit,
    z: unit,
    scale: fc.double({ min: 0, max: 4, noNaN: true }),
    band: fc.integer({ min: 0, max: 4 }),
    visible: fc.boolean(),
    glow: fc.boolean(),
    brightness: fc.integer({ min: 0, max: 15 }),
    interpolation: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: ['id', 'x', 'y', 'z'] },
);
const batchArb = fc.record({
  type: fc.constant('batch_update'),
  zone: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  entities: fc.array(entityArb, { maxLength: 64 }),
});
const audioArb = fc.record({
  type: fc.constant('audio_state'),
  bands: fc.array(unit, { minLength: 5, maxLength: 5 }),
  amplitude: unit,
  is_beat: fc.boolean(),
  beat_intensity: unit,
  bpm: fc.double({ min: 0, max: 400, noNaN: true }),
  beat_phase: unit,
});

describe('validators (property-based)', () => {
  it('accept every generated valid batch_update and audio_state', () => {
    fc.assert(fc.property(batchArb, (msg) => pluginValidator.validate(msg).ok));
    fc.assert(fc.property(audioArb, (msg) => pluginValidator.parse(JSON.stringify(msg)).ok));
  });

  it('reject an out-of-range entity field with the path of that field', () => {
    const field = fc.constantFrom(
      ['x', 1.0001, 'number ≤ 1'],
      ['y', -0.5, 'number ≥ 0'],
      ['scale', 4.5, 'number ≤ 4'],
      ['brightness', 99, 'integer ≤ 15'],
      ['band', 7, 'integer ≤ 4'],
    );
    fc.assert(
      fc.property(batchArb, fc.nat(), field, (msg, pick, [key, bad, wanted]) => {
        if (msg.entities.length === 0) return true;
        const index = pick % msg.entities.length;
        const entities = msg.entities.map((e, i) => (i === index ? { ...e, [key as string]: bad } : e));
        const result = pluginValidator.validate({ ...msg, entities });
        if (result.ok) return false;
        // An earlier entity cannot be the culprit: only one field was broken.
        return (
          result.error.message === `batch_update.entities[${index}].${key}: expected ${wanted}, got ${bad}`
        );
      }),
    );
  });

  it('reject a band outside 0–1 at its index', () => {
    fc.assert(
      fc.property(
        audioArb,
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 1.01, max: 1e9, noNaN: true }),
        (msg, i, bad) => {
          const bands = [...msg.bands];
          bands[i] = bad;
          const result = pluginValidator.validate({ ...msg, bands });
          return !result.ok && result.error.path === `bands[${i}]`;
        },
      ),
    );
  });

  it('never throw on arbitrary JSON values, on any port', () => {
    const validators = [pluginValidator, djValidator, browserValidator];
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const v of validators) {
          v.validate(value);
          v.parse(JSON.stringify(value) ?? 'null');
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('never throw on arbitrary strings, and never accept non-JSON text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = pluginValidator.parse(text);
        if (result.ok) JSON.parse(text); // only valid JSON can be accepted
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('never throw on a known type with random fields', () => {
    const types = [
      'audio_state',
      'batch_update',
      'set_zone_config',
      'init_pool',
      'trigger_effect',
      'load_script',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.dictionary(fc.string(), fc.jsonValue()), (type, fields) => {
        const result = pluginValidator.validate({ ...fields, type });
        if (!result.ok) assert.match(result.error.message, new RegExp(`^${type}`));
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
