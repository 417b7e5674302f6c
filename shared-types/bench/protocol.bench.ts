// protocol.validate_*: cost of validating a full 1024-entity batch_update (the engine does it every tick).
import { pluginValidator } from '../src';
import { measureMedianMs, report } from '../../tools/measure.cjs';

const entities = Array.from({ length: 1024 }, (_, i) => ({
  id: `block_${i}`,
  x: (i % 32) / 32,
  y: ((i * 7) % 32) / 32,
  z: ((i * 13) % 32) / 32,
  scale: 1.25,
  rotation: 45,
  band: i % 5,
  visible: true,
  glow: i % 2 === 0,
  brightness: 15,
  interpolation: 3,
  material: 'minecraft:sea_lantern',
}));
const message = { type: 'batch_update', zone: 'main', entities };
const text = JSON.stringify(message);

report(
  'protocol.validate_ms_1024',
  measureMedianMs(() => pluginValidator.validate(message), 300),
  'ms',
);
report(
  'protocol.parse_validate_ms_1024',
  measureMedianMs(() => pluginValidator.parse(text), 300),
  'ms',
);
