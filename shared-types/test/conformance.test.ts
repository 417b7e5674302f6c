/**
 * Conformance with MCAV (conformance/mcav-messages.ts holds what its components require of each message):
 * every message MCAV's clients may send is accepted by our readers, or answered with a stable code that says
 * why; and what our servers send meets what MCAV's clients read. The engine's and the hub's real replies are
 * checked against the same requirements in scripts/ and vj-hub/ tests.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  ERROR_CODES,
  MCAV_BROWSER_UNSUPPORTED,
  MCAV_DJ_UNSUPPORTED,
  MCAV_PLUGIN_UNSUPPORTED,
  mcavPreviewState,
  readBrowserMessage,
  readDjMessage,
  readPluginMessage,
  type BrowserOutbound,
} from '../src/index';
import { checkFields } from './conformance/field-spec';
import { MCAV_MESSAGES, mcavMessage, type Link } from './conformance/mcav-messages';
import { message } from './conformance/spec-arbitraries';
import { BROWSER_OUTBOUND_EXAMPLES, DJ_OUTBOUND_EXAMPLES, PLUGIN_OUTBOUND_EXAMPLES } from './examples';

type Reader = (text: string) => { ok: true } | { ok: false; error: { code: string; message: string } };

const LINKS: Record<Link, { read: Reader; unsupported: ReadonlySet<string> }> = {
  plugin: { read: readPluginMessage, unsupported: MCAV_PLUGIN_UNSUPPORTED },
  dj: { read: readDjMessage, unsupported: MCAV_DJ_UNSUPPORTED },
  browser: { read: readBrowserMessage, unsupported: MCAV_BROWSER_UNSUPPORTED },
};

/**
 * MCAV messages we refuse on purpose, each with the code it gets and why. Anything not listed here must be
 * accepted (or be UNSUPPORTED): a new refusal is a compatibility break, and this list is where it is decided.
 */
const REFUSED: Readonly<
  Record<string, { code: string; why: string; when: (m: Record<string, unknown>) => boolean }>
> = {
  'plugin:set_zone_config': {
    code: 'INVALID_FIELD',
    why: 'when its size leaves out an axis (a zone size is all three)',
    when: (m) => partialSize(m),
  },
  'browser:set_zone_config': {
    code: 'INVALID_FIELD',
    why: 'when its size leaves out an axis (a zone size is all three)',
    when: (m) => partialSize(m),
  },
  'browser:set_preset': {
    code: ERROR_CODES.UNSUPPORTED,
    why: 'when it gives values instead of a name (custom presets)',
    when: (m) => typeof m['preset'] === 'object',
  },
};

/**
 * Where what we send differs from what MCAV's clients read, decided and said why. A field missing here that
 * is not listed fails the test.
 */
const DIVERGES: Readonly<Record<string, { fields: readonly string[]; why: string }>> = {
  'browser:state': {
    fields: ['active_dj'],
    why: 'the DJ id where MCAV reads a profile (its panel takes the live DJ from dj_roster instead)',
  },
};

/** What MCAV's panel is sent instead of our message, where the hub sends it another shape. */
const AS_MCAV_GETS: Readonly<Record<string, (example: never) => object>> = {
  'browser:state': (state: BrowserOutbound['state']) => mcavPreviewState(state),
};

/** Runs per message type: enough to reach every optional field and both ends of each range. */
const RUNS = 60;

describe('MCAV conformance', () => {
  for (const link of Object.keys(LINKS) as Link[]) {
    describe(`what MCAV's clients send on the ${link} link`, () => {
      const { read, unsupported } = LINKS[link];
      for (const m of MCAV_MESSAGES.filter((m) => m.link === link && m.direction === 'client-to-server')) {
        const refused = REFUSED[`${link}:${m.type}`];
        const expect = unsupported.has(m.type)
          ? `is answered ${ERROR_CODES.UNSUPPORTED}`
          : refused !== undefined
            ? `is accepted, or answered ${refused.code} ${refused.why}`
            : 'is accepted';
        it(`${m.type} ${expect}`, () => {
          fc.assert(
            fc.property(message(m.type, m.fields), (sent) => {
              const result = read(JSON.stringify(sent));
              const got = result.ok ? 'accepted' : `${result.error.code}: ${result.error.message}`;
              if (unsupported.has(m.type))
                return !result.ok && result.error.code === ERROR_CODES.UNSUPPORTED ? true : fail(got);
              if (refused?.when(sent) === true)
                return !result.ok && result.error.code === refused.code ? true : fail(got);
              return result.ok ? true : fail(got);
            }),
            { numRuns: RUNS, seed: 14 },
          );
        });
      }
    });
  }

  const sent: Record<Link, Record<string, object>> = {
    plugin: PLUGIN_OUTBOUND_EXAMPLES,
    dj: DJ_OUTBOUND_EXAMPLES,
    browser: BROWSER_OUTBOUND_EXAMPLES,
  };
  for (const link of Object.keys(sent) as Link[]) {
    describe(`what our servers send on the ${link} link, as MCAV's clients read it`, () => {
      for (const [type, example] of Object.entries(sent[link])) {
        const wanted = mcavMessage(link, 'server-to-client', type);
        if (wanted === undefined) continue;
        const diverges = DIVERGES[`${link}:${type}`];
        const title = diverges === undefined ? '' : ` but ${diverges.fields.join(', ')} (${diverges.why})`;
        it(`${type} has every field MCAV reads, of its type and range${title}`, () => {
          const got = AS_MCAV_GETS[`${link}:${type}`]?.(example as never) ?? example;
          const problems = checkFields(wanted.fields, got as Record<string, unknown>);
          const unexpected = problems.filter((p) => !diverges?.fields.some((f) => p.startsWith(`${f}:`)));
          assert.deepEqual(unexpected, []);
        });
      }
    });
  }
});

function partialSize(m: Record<string, unknown>): boolean {
  const size = (m['config'] as Record<string, unknown> | undefined)?.['size'];
  return typeof size === 'object' && size !== null && ['x', 'y', 'z'].some((a) => !(a in size));
}

function fail(got: string): never {
  throw new Error(`got ${got}`);
}
