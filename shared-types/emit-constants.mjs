// Writes generated/protocol-constants.json from the compiled limits, close codes, error codes and the zone
// frame's layout: what the Java host also needs. Java never re-declares message shapes; its tests compare its
// constants with this file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = createRequire(import.meta.url)('./dist/index.js');

export function protocolConstants() {
  const limits = {};
  for (const [key, value] of Object.entries(shared)) {
    if (/^[A-Z][A-Z0-9_]*$/.test(key) && typeof value === 'number') limits[key] = value;
  }
  return {
    limits,
    close_codes: { ...shared.CLOSE_CODES },
    error_codes: Object.keys(shared.ERROR_CODES),
    zone_frame: {
      header: { ...shared.ZONE_HEADER },
      header_slots: shared.ZONE_HEADER_SLOTS,
      fields: shared.ZONE_FRAME_FIELDS.map(([name, type]) => `${name}:${type}`),
    },
    protocol_version: shared.PROTOCOL_VERSION,
  };
}

export const CONSTANTS_FILE = path.join(here, 'generated', 'protocol-constants.json');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(CONSTANTS_FILE), { recursive: true });
  fs.writeFileSync(CONSTANTS_FILE, JSON.stringify(protocolConstants(), null, 2) + '\n');
}
