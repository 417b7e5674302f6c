/** The `--source` argument: `synth:click:BPM`, `synth:drums:BPM`, `synth:latin:BPM`, `synth:sweep`, `stdin`, `device[:ID]`, or a file. */
import { AudioInputError } from './audio-input-error';

export type SourceSpec =
  | { readonly kind: 'synth'; readonly synth: 'click' | 'drums' | 'latin' | 'sweep'; readonly bpm: number }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'device'; readonly deviceId: number | null }
  | { readonly kind: 'file'; readonly path: string };

const SOURCE_HELP =
  'use synth:click:BPM, synth:drums:BPM, synth:latin:BPM, synth:sweep, stdin, device, device:ID or a file path';

/** @throws AudioInputError SOURCE_INVALID */
export function parseSourceSpec(text: string): SourceSpec {
  if (text === 'stdin' || text === '-') return { kind: 'stdin' };
  if (text === 'device') return { kind: 'device', deviceId: null };
  const device = /^device:(\d+)$/.exec(text);
  if (device) return { kind: 'device', deviceId: Number(device[1]) };
  if (text.startsWith('synth:')) {
    const [, synth, bpmText] = text.split(':');
    if (synth === 'sweep' && bpmText === undefined) return { kind: 'synth', synth, bpm: 0 };
    if (synth === 'click' || synth === 'drums' || synth === 'latin') {
      const bpm = bpmText === undefined ? 128 : Number(bpmText);
      if (!(bpm >= 60 && bpm <= 200))
        throw new AudioInputError(
          'SOURCE_INVALID',
          `Synthetic tempo "${bpmText}" must be a number in 60–200 BPM`,
        );
      return { kind: 'synth', synth, bpm };
    }
    throw new AudioInputError('SOURCE_INVALID', `Unknown synthetic source "${text}"; ${SOURCE_HELP}`);
  }
  if (text.length === 0) throw new AudioInputError('SOURCE_INVALID', `Empty source; ${SOURCE_HELP}`);
  return { kind: 'file', path: text };
}
