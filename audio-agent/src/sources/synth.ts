/**
 * Synthetic audio with known beat times: click tracks, drum loops (4/4 or 3/4, steady or ramping tempo,
 * optional drumless break), a latin groove over a son clave, a drumless eighth-note arpeggio and a sine
 * sweep. Used by `synth:*` sources for demos and as test material.
 */
import { seededRandom, type RandomSource } from '@audioviz/shared-types';

export interface SynthSpec {
  /**
   * click: a metronome; drums: kick/snare/hat kit over a pad; latin: congas, piano stabs and half the kicks
   * on the off-beats, a shaker and a son clave (4/4 only); arpeggio: a soft, unaccented eighth-note arpeggio
   * over one bass note a bar, no drums (a solo piano: nothing but the bar says which pulse is the beat);
   * sweep: a log sine sweep, no beats.
   */
  readonly kind: 'click' | 'drums' | 'latin' | 'arpeggio' | 'sweep';
  /** latin: play the clave (default true); without it nothing but loudness tells the beat from the off-beat. */
  readonly clave?: boolean;
  /** Tempo at the start, BPM. */
  readonly bpm: number;
  /** Tempo at the end for a linear ramp, BPM (default: steady). */
  readonly endBpm?: number;
  /** Beats per bar, 4 or 3 (default 4). */
  readonly meter?: 3 | 4;
  /** Length, s. */
  readonly seconds: number;
  /** Drums drop out (the pad and bass go on) between these times, s. */
  readonly breakS?: readonly [number, number];
  /** Output rate, Hz (default 48000). */
  readonly sampleRate?: number;
  /** White noise over everything, amplitude 0–1 (default 0): a stand-in for a busy mix. */
  readonly noise?: number;
  /** Seed of the noise in snares and hats (default 1). */
  readonly seed?: number;
}

export interface SynthMaterial {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  /** Every beat time, s (including beats inside a break, where the music's pulse goes on). */
  readonly beatTimes: readonly number[];
}

/** Beat times of a steady or linearly ramping tempo. */
function beatTimesOf(spec: SynthSpec): number[] {
  const times: number[] = [];
  const end = spec.endBpm ?? spec.bpm;
  for (let t = 0.05; t < spec.seconds;) {
    times.push(t);
    const bpm = spec.bpm + (end - spec.bpm) * (t / spec.seconds);
    t += 60 / bpm;
  }
  return times;
}

function addKick(out: Float32Array, at: number, rate: number, gain: number): void {
  const length = Math.floor(0.25 * rate);
  let phase = 0;
  for (let i = 0; i < length && at + i < out.length; i++) {
    const t = i / rate;
    phase += (2 * Math.PI * (50 + 110 * Math.exp(-t / 0.03))) / rate;
    out[at + i]! += gain * Math.sin(phase) * Math.exp(-t / 0.09);
  }
}

function addSnare(out: Float32Array, at: number, rate: number, gain: number, random: RandomSource): void {
  const length = Math.floor(0.18 * rate);
  for (let i = 0; i < length && at + i < out.length; i++) {
    const t = i / rate;
    const tone = Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.04);
    const noise = (2 * random() - 1) * Math.exp(-t / 0.06);
    out[at + i]! += gain * (0.5 * tone + 0.7 * noise);
  }
}

function addHat(out: Float32Array, at: number, rate: number, gain: number, random: RandomSource): void {
  const length = Math.floor(0.05 * rate);
  let previous = 0;
  for (let i = 0; i < length && at + i < out.length; i++) {
    const noise = 2 * random() - 1;
    // A first difference keeps only the top of the noise: a hat, not a snare.
    out[at + i]! += gain * (noise - previous) * 0.5 * Math.exp(-i / rate / 0.012);
    previous = noise;
  }
}

/** A short decaying tone with a little noise: conga, clave and bass notes. */
function addTone(
  out: Float32Array,
  at: number,
  rate: number,
  tone: { hz: number; decayS: number; gain: number; noise?: number },
  random: RandomSource,
): void {
  const length = Math.floor(5 * tone.decayS * rate);
  for (let i = 0; i < length && at + i < out.length; i++) {
    const t = i / rate;
    const noise = tone.noise === undefined ? 0 : tone.noise * (2 * random() - 1);
    out[at + i]! += tone.gain * (Math.sin(2 * Math.PI * tone.hz * t) + noise) * Math.exp(-t / tone.decayS);
  }
}

/** The son clave (3-2) and the groove around it, as sixteenth-note steps of a bar. */
const LATIN = {
  kick: [0, 6, 8, 14],
  conga: [2, 6, 10, 14],
  stab: [2, 6, 10, 14],
  bass: [6, 12],
  clave: [0, 3, 6, 10, 12],
} as const;

/**
 * Time of a sixteenth-note step counted from the first beat, s: linear between beats, and past the last beat
 * spaced as the first two.
 */
function sixteenthTime(beats: readonly number[], step: number): number {
  const beat = Math.floor(step / 4);
  const next = beats[beat + 1] ?? beats[beat]! + (beats[1]! - beats[0]!);
  return beats[beat]! + ((step % 4) / 4) * (next - beats[beat]!);
}

function renderLatin(
  out: Float32Array,
  rate: number,
  beats: readonly number[],
  spec: SynthSpec,
  random: RandomSource,
): void {
  for (let bar = 0; (bar + 1) * 4 <= beats.length; bar++) {
    const at = (step: number) => Math.round(sixteenthTime(beats, bar * 16 + step) * rate);
    for (let step = 0; step < 16; step++) addHat(out, at(step), rate, 0.08, random);
    for (const step of LATIN.kick) addKick(out, at(step), rate, 0.6);
    for (const step of LATIN.conga)
      addTone(out, at(step), rate, { hz: 330, decayS: 0.05, gain: 0.5, noise: 0.2 }, random);
    for (const step of LATIN.stab)
      for (const hz of [262, 330, 392])
        addTone(out, at(step), rate, { hz, decayS: 0.08, gain: 0.15 }, random);
    for (const step of LATIN.bass) addTone(out, at(step), rate, { hz: 98, decayS: 0.15, gain: 0.4 }, random);
    if (spec.clave !== false)
      for (const step of LATIN.clave)
        addTone(out, at(step), rate, { hz: 2500, decayS: 0.015, gain: 0.35 }, random);
  }
}

/** Bar roots, Hz, of the arpeggio: a bass note each bar, its triad an octave and two above. */
const ARPEGGIO_ROOTS = [65.4, 87.3, 98, 73.4];

function renderArpeggio(
  out: Float32Array,
  rate: number,
  beats: readonly number[],
  random: RandomSource,
): void {
  for (let bar = 0; (bar + 1) * 4 <= beats.length; bar++) {
    const root = ARPEGGIO_ROOTS[bar % ARPEGGIO_ROOTS.length]!;
    addTone(out, Math.round(beats[bar * 4]! * rate), rate, { hz: root, decayS: 0.8, gain: 0.35 }, random);
    const triad = [4 * root, 5 * root, 6 * root];
    for (let eighth = 0; eighth < 8; eighth++) {
      const at = Math.round(sixteenthTime(beats, bar * 16 + 2 * eighth) * rate);
      // The chord's notes in turn, the second half of the bar an octave up; loudness at random, no accent.
      const hz = triad[eighth % 3]! * (eighth >= 4 ? 2 : 1);
      addTone(out, at, rate, { hz, decayS: 0.25, gain: 0.15 + 0.15 * random() }, random);
    }
  }
}

function addClick(out: Float32Array, at: number, rate: number, accent: boolean): void {
  const length = Math.floor(0.015 * rate);
  const hz = accent ? 1500 : 1000;
  for (let i = 0; i < length && at + i < out.length; i++) {
    const t = i / rate;
    out[at + i]! += 0.8 * Math.sin(2 * Math.PI * hz * t) * Math.exp(-t / 0.004);
  }
}

/** A quiet chord and a bass note per bar: the music that goes on through a break. */
function addPad(out: Float32Array, rate: number, beats: readonly number[], meter: number): void {
  const roots = [55, 43.65, 49, 41.2];
  for (let bar = 0; bar * meter < beats.length; bar++) {
    const from = Math.floor(beats[bar * meter]! * rate);
    const toBeat = beats[(bar + 1) * meter];
    const to = toBeat === undefined ? out.length : Math.floor(toBeat * rate);
    const root = roots[bar % roots.length]!;
    for (let i = from; i < to; i++) {
      const t = i / rate;
      const fade = Math.min(1, (i - from) / (0.02 * rate), (to - i) / (0.02 * rate));
      const chord =
        Math.sin(2 * Math.PI * root * 4 * t) +
        Math.sin(2 * Math.PI * root * 5 * t) +
        Math.sin(2 * Math.PI * root * 6 * t);
      out[i]! += fade * (0.03 * chord + 0.08 * Math.sin(2 * Math.PI * root * t));
    }
  }
}

function renderSweep(out: Float32Array, rate: number): void {
  const periodS = 8;
  const lo = 40;
  const hi = 16000;
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const u = ((i / rate) % periodS) / periodS;
    phase += (2 * Math.PI * lo * Math.pow(hi / lo, u)) / rate;
    out[i] = 0.5 * Math.sin(phase);
  }
}

/** Renders the material of `spec`. */
export function renderSynth(spec: SynthSpec): SynthMaterial {
  const rate = spec.sampleRate ?? 48000;
  const out = new Float32Array(Math.ceil(spec.seconds * rate));
  if (spec.kind === 'sweep') {
    renderSweep(out, rate);
    return { samples: out, sampleRate: rate, beatTimes: [] };
  }
  const beats = beatTimesOf(spec);
  const meter = spec.meter ?? 4;
  const random = seededRandom(spec.seed ?? 1);
  const inBreak = (t: number) => spec.breakS !== undefined && t >= spec.breakS[0] && t < spec.breakS[1];
  if (spec.kind === 'click') {
    beats.forEach((t, i) => addClick(out, Math.round(t * rate), rate, i % meter === 0));
    return { samples: out, sampleRate: rate, beatTimes: beats };
  }
  if (spec.kind === 'latin') {
    renderLatin(out, rate, beats, spec, random);
    return { samples: out, sampleRate: rate, beatTimes: beats };
  }
  if (spec.kind === 'arpeggio') {
    renderArpeggio(out, rate, beats, random);
    return { samples: out, sampleRate: rate, beatTimes: beats };
  }
  addPad(out, rate, beats, meter);
  beats.forEach((t, i) => {
    const at = Math.round(t * rate);
    const offbeat = Math.round(sixteenthTime(beats, 4 * i + 2) * rate);
    const position = i % meter;
    if (!inBreak(t)) {
      if (position === 0 || (meter === 4 && position === 2)) addKick(out, at, rate, 0.8);
      else addSnare(out, at, rate, 0.45, random);
      addHat(out, at, rate, 0.25, random);
      addHat(out, offbeat, rate, 0.15, random);
    }
  });
  if (spec.noise !== undefined && spec.noise > 0)
    for (let i = 0; i < out.length; i++) out[i]! += spec.noise * (2 * random() - 1);
  return { samples: out, sampleRate: rate, beatTimes: beats };
}
