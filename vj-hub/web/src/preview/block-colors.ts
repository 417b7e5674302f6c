import { BAND_GLOW_COLORS } from '@audioviz/shared-types';

/**
 * The colour a Minecraft block material shows in the 3D preview: well-known light blocks by name, the
 * sixteen dye colours inside a name ("light_blue_concrete"), then a stable colour hashed from the name.
 */

/** Colour of each band when an entity names no material (bass red … air violet), 0xRRGGBB. */
export const BAND_COLORS: readonly number[] = [0xff3b3b, 0xff9f1c, 0xf5e663, 0x2ec4b6, 0xb04cff];

const BLOCKS: Record<string, number> = {
  amethyst_block: 0x9a6dd7,
  glowstone: 0xf9d26b,
  sea_lantern: 0xbfe6dc,
  shroomlight: 0xf39a48,
  ochre_froglight: 0xf6e3a3,
  verdant_froglight: 0xd5f2c4,
  pearlescent_froglight: 0xf2d9ea,
  redstone_block: 0xc42a14,
  emerald_block: 0x2fd36e,
  diamond_block: 0x62e6dc,
  gold_block: 0xf7d23e,
  lapis_block: 0x2e5fc0,
  iron_block: 0xdcdcdc,
  copper_block: 0xc06b4f,
  quartz_block: 0xece6df,
  crying_obsidian: 0x5a1fa8,
  obsidian: 0x1e1530,
  netherite_block: 0x4a4446,
  prismarine: 0x63a89a,
  magma_block: 0xd4581c,
  beacon: 0x8ff3ff,
  end_rod: 0xf4eee4,
  soul_lantern: 0x6fe6f0,
  lantern: 0xf0b552,
  jack_o_lantern: 0xf09a2a,
};

/** Longest names first, so "light_blue" wins over "blue". */
const DYES: ReadonlyArray<[string, number]> = [
  ['light_blue', 0x4fc3f7],
  ['light_gray', 0xa0a0a0],
  ['magenta', 0xd24bd2],
  ['orange', 0xff8c1a],
  ['yellow', 0xffe033],
  ['purple', 0x8a3fd1],
  ['brown', 0x8b5a2b],
  ['green', 0x4c8c2b],
  ['black', 0x202020],
  ['white', 0xf2f2f2],
  ['lime', 0x84e02c],
  ['pink', 0xf59ac0],
  ['gray', 0x555555],
  ['cyan', 0x179ea8],
  ['blue', 0x3646c8],
  ['red', 0xd42a2a],
];

const cache = new Map<string, number>();

/** 0xRRGGBB for a material id such as "minecraft:amethyst_block" or "GLOWSTONE". */
export function materialColor(material: string): number {
  const known = cache.get(material);
  if (known !== undefined) return known;
  const name = material.toLowerCase().replace(/^minecraft:/, '');
  const color = BLOCKS[name] ?? DYES.find(([dye]) => name.includes(dye))?.[1] ?? hashColor(name);
  if (cache.size < 1024) cache.set(material, color);
  return color;
}

/** The colour of an entity: its material when it names one, else its band's colour. */
export function entityColor(material: string | undefined, band: number | undefined): number {
  if (material !== undefined && material !== '') return materialColor(material);
  return BAND_COLORS[bandOf(band)] as number;
}

/** The outline colour a glowing entity of this band shows in game (the table the Minecraft host uses). */
export function glowColor(band: number | undefined): number {
  return BAND_GLOW_COLORS[bandOf(band)] as number;
}

function bandOf(band: number | undefined): number {
  return typeof band === 'number' && Number.isInteger(band) ? Math.min(4, Math.max(0, band)) : 0;
}

/** A bright, saturated colour picked by a string hash (FNV-1a → hue). */
function hashColor(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hslToRgb((h % 360) / 360, 0.7, 0.55);
}

function hslToRgb(h: number, s: number, l: number): number {
  const f = (n: number): number => {
    const k = (n + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return (f(0) << 16) | (f(8) << 8) | f(4);
}
