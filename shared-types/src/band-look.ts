/**
 * What a band looks like when its entities glow: the outline colour (0xRRGGBB) per band, bass to treble,
 * matching the default band materials. The Minecraft host and the browser preview both read this table (the
 * Java host's copy is checked against it through generated/protocol-constants.json).
 */
export const BAND_GLOW_COLORS: readonly number[] = [0xff3030, 0xff9020, 0xffe040, 0x60ff60, 0x60c0ff];
