/** The AudioViz VJ hub: start one in-process with `startHub`, or run `audioviz-hub`. */
export { startHub } from './hub';
export type { HubDependencies, RunningHub } from './hub';
export { DEFAULT_CONFIG, ConfigError, resolveConfig, USAGE } from './config';
export type { HubConfig } from './config';
export type { MinecraftTarget } from './minecraft/minecraft-links';
export { hashSecret, verifySecret, isSecretHash } from './auth/secret-hash';
export { loadDjKeys, parseDjKeys, upsertDjKey, DjKeysError } from './auth/dj-keys';
export type { DjKeys, DjKeyEntry } from './auth/dj-keys';
export { createLogger, silentLogger } from './logger';
export type { Logger, LogLevel, LogThreshold } from './logger';
export { HubStore } from './store/hub-store';
