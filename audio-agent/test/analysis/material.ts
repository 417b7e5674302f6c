/** The generated test material with known beat times, shared by the beat tests and the benchmark. */
import type { SynthSpec } from '../../src/sources/synth';

export interface Material {
  readonly name: string;
  readonly spec: SynthSpec;
  /** Steady 4/4: held to F ≥ 0.90 and BPM within 2 % after 8 s. */
  readonly steady: boolean;
}

export const MATERIAL: readonly Material[] = [
  { name: 'click_128', spec: { kind: 'click', bpm: 128, seconds: 24 }, steady: true },
  { name: 'drums_90', spec: { kind: 'drums', bpm: 90, seconds: 24, seed: 2 }, steady: true },
  { name: 'drums_120', spec: { kind: 'drums', bpm: 120, seconds: 24, seed: 3 }, steady: true },
  { name: 'drums_140', spec: { kind: 'drums', bpm: 140, seconds: 24, seed: 4 }, steady: true },
  { name: 'drums_174', spec: { kind: 'drums', bpm: 174, seconds: 24, seed: 5 }, steady: true },
  {
    name: 'drums_110_noisy',
    spec: { kind: 'drums', bpm: 110, seconds: 24, noise: 0.3, seed: 10 },
    steady: true,
  },
  {
    name: 'drums_128_44k1',
    spec: { kind: 'drums', bpm: 128, seconds: 24, sampleRate: 44100, seed: 6 },
    steady: true,
  },
  {
    name: 'ramp_110_140',
    spec: { kind: 'drums', bpm: 110, endBpm: 140, seconds: 40, seed: 7 },
    steady: false,
  },
  {
    name: 'break_126',
    spec: { kind: 'drums', bpm: 126, seconds: 40, breakS: [16, 24], seed: 8 },
    steady: false,
  },
  { name: 'latin_104', spec: { kind: 'latin', bpm: 104, seconds: 32, seed: 11 }, steady: false },
  { name: 'arpeggio_70', spec: { kind: 'arpeggio', bpm: 70, seconds: 40, seed: 12 }, steady: false },
  { name: 'waltz_150', spec: { kind: 'drums', bpm: 150, meter: 3, seconds: 24, seed: 9 }, steady: false },
];
