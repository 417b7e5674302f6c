/** Validates what a :8765 server (a Minecraft plugin, or the hub's own engine) sends back. */
import { MAX_PLUGIN_MESSAGE_BYTES, PLUGIN_OUTBOUND, createPortValidator } from '@audioviz/shared-types';

export const pluginReplyValidator = createPortValidator(PLUGIN_OUTBOUND, MAX_PLUGIN_MESSAGE_BYTES);
