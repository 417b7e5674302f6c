/** The engine's version, reported to hosts (`ENGINE_VERSION`) and in `/audioviz status`. */
export const ENGINE_VERSION = '0.1.0';
