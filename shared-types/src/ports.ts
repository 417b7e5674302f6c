/**
 * One validator per port, sized by the port's message limit. Outbound validators are for tests and for
 * clients that want to check what a server sent.
 */
import { BROWSER_INBOUND } from './browser';
import { DJ_INBOUND } from './dj';
import { MAX_PLUGIN_MESSAGE_BYTES } from './limits';
import { PLUGIN_INBOUND } from './plugin';
import { createPortValidator } from './validate';

/** :9000 and :8766 frames are small; 64 KB leaves room for a full spectrum and a long roster. */
export const MAX_HUB_MESSAGE_BYTES = 64 * 1024;

export const pluginValidator = createPortValidator(PLUGIN_INBOUND, MAX_PLUGIN_MESSAGE_BYTES);
export const djValidator = createPortValidator(DJ_INBOUND, MAX_HUB_MESSAGE_BYTES);
export const browserValidator = createPortValidator(BROWSER_INBOUND, MAX_HUB_MESSAGE_BYTES);
