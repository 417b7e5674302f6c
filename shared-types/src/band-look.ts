/**
 * What a band looks like when its entities glow: the outline colour (0xRRGGBB) per band, bass to treble,
 * matching the default band materials. The engine writes it into the frames it hands its host (so the Minecraft
 * host needs no copy), and the browser preview colours by it.
 */
export const BAND_GLOW_COLORS: readonly number[] = [0xff3030, 0xff9020, 0xffe040, 0x60ff60, 0x60c0ff];
