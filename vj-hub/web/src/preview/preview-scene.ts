/**
 * The 3D preview: every zone's entities, as the hub's engine computed them, drawn as instanced blocks
 * coloured by their band material with an emissive glow that follows the beat, under an auto-rotating
 * orbit camera. Positions ease towards each new `state` so 20 Hz updates look smooth at 60 fps.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import {
  MAX_BRIGHTNESS,
  MAX_ENTITIES_PER_ZONE,
  type BatchEntity,
  type ZoneInfo,
} from '@audioviz/shared-types';
import { entityColor, glowColor } from './block-colors';
import {
  DEFAULT_ZONE_SIZE,
  entitySlot,
  layoutZones,
  type ZonePlacement,
  type ZoneShape,
} from './zone-layout';

/** The fields of a `state` message the scene draws. */
export interface PreviewFrame {
  readonly entities: Readonly<Record<string, readonly BatchEntity[]>>;
  readonly beat_intensity: number;
  readonly is_beat: boolean;
}

/** Fraction of the way to the target covered per 60 Hz frame. */
const EASE = 0.35;
/** The camera looks at the show from here (front right, a little above). */
const CAMERA_DIRECTION = new THREE.Vector3(0.55, 0.45, 0.7).normalize();
/** Block edge relative to a block at scale 1 (a little gap between neighbours). */
const BLOCK_EDGE = 0.9;

interface ZoneView {
  readonly group: THREE.Group;
  readonly mesh: THREE.InstancedMesh;
  readonly outline: THREE.LineSegments;
  readonly size: { x: number; y: number; z: number };
  /** Current and target x, y, z, scale per slot. */
  readonly current: Float32Array;
  readonly target: Float32Array;
  readonly color: Float32Array;
  count: number;
}

export class PreviewScene {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera: THREE.PerspectiveCamera;
  private readonly controls: OrbitControls;
  private readonly zones = new Map<string, ZoneView>();
  private readonly material: THREE.MeshStandardMaterial;
  private readonly glow = { value: 0.35 };
  private shapes: ZoneShape[] = [];
  private beatGlow = 0;
  private readonly matrix = new THREE.Matrix4();
  private readonly color = new THREE.Color();
  private readonly glowColor = new THREE.Color();
  private frameHandle = 0;
  private readonly resizeObserver: ResizeObserver;

  /** Frames drawn since start (the FPS readout samples it). */
  frames = 0;

  /** @param autoRotate orbit slowly around the show until the viewer takes the camera */
  constructor(
    private readonly host: HTMLElement,
    autoRotate = true,
  ) {
    this.renderer = new THREE.WebGLRenderer({ antialias: true });
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    host.append(this.renderer.domElement);
    this.scene.background = new THREE.Color(0x07070c);
    this.camera = new THREE.PerspectiveCamera(50, 1, 0.1, 500);
    this.camera.position.set(18, 14, 22);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.autoRotate = autoRotate;
    this.controls.autoRotateSpeed = 0.8;
    this.controls.enableDamping = true;
    this.controls.target.set(0, 5, 0);

    this.scene.add(new THREE.HemisphereLight(0x8890ff, 0x101018, 0.9));
    const key = new THREE.DirectionalLight(0xffffff, 1.2);
    key.position.set(10, 30, 15);
    this.scene.add(key);
    const grid = new THREE.GridHelper(120, 60, 0x2a2a44, 0x15151f);
    this.scene.add(grid);

    this.material = new THREE.MeshStandardMaterial({ roughness: 0.45, metalness: 0.1 });
    // Emissive glow in the block's own colour: three.js has no per-instance emissive, so the shader adds
    // the (instance-coloured) diffuse colour to the emitted light, scaled by one beat-driven uniform.
    this.material.onBeforeCompile = (shader) => {
      shader.uniforms['uGlow'] = this.glow;
      shader.fragmentShader = shader.fragmentShader
        .replace('void main() {', 'uniform float uGlow;\nvoid main() {')
        .replace(
          '#include <emissivemap_fragment>',
          '#include <emissivemap_fragment>\n\ttotalEmissiveRadiance += diffuseColor.rgb * uGlow;',
        );
    };

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.resize();
  }

  /** Sets the zones to draw (from `vj_state` / `zones`); zones seen only in `state` get the default size. */
  setZones(zones: readonly ZoneInfo[]): void {
    this.shapes = zones.map((z) => ({
      name: z.name,
      world: z.world,
      origin: z.origin,
      size: z.size,
      rotation: z.rotation,
    }));
    this.rebuild();
  }

  /** Takes one `state` message. */
  applyFrame(frame: PreviewFrame): void {
    const missing = Object.keys(frame.entities).filter((name) => !this.shapes.some((s) => s.name === name));
    if (missing.length > 0) {
      this.shapes = [...this.shapes, ...missing.map((name) => ({ name, size: { ...DEFAULT_ZONE_SIZE } }))];
      this.rebuild();
    }
    this.beatGlow = Math.max(frame.is_beat === true ? 1 : 0, clamp01(frame.beat_intensity));
    for (const [name, entities] of Object.entries(frame.entities)) {
      const view = this.zones.get(name);
      if (view !== undefined && Array.isArray(entities)) this.applyEntities(view, entities);
    }
  }

  /** Starts the render loop. */
  start(): void {
    const loop = (): void => {
      this.frameHandle = requestAnimationFrame(loop);
      this.renderFrame();
    };
    if (this.frameHandle === 0) loop();
  }

  /** Stops the loop and frees GPU memory. */
  dispose(): void {
    cancelAnimationFrame(this.frameHandle);
    this.frameHandle = 0;
    this.resizeObserver.disconnect();
    for (const view of this.zones.values()) this.disposeZone(view);
    this.controls.dispose();
    this.renderer.dispose();
  }

  /** Entities drawn with a non-zero size, over every zone. */
  get visibleEntities(): number {
    let n = 0;
    for (const view of this.zones.values())
      for (let i = 0; i < view.count; i++) if (view.target[i * 4 + 3]! > 0) n++;
    return n;
  }

  private applyEntities(view: ZoneView, entities: readonly BatchEntity[]): void {
    let highest = 0;
    for (let k = 0; k < entities.length; k++) {
      const e = entities[k] as BatchEntity;
      if (typeof e !== 'object' || e === null || typeof e.id !== 'string') continue;
      const slot = entitySlot(e.id, MAX_ENTITIES_PER_ZONE);
      if (slot < 0) continue;
      highest = Math.max(highest, slot + 1);
      const shown = e.visible !== false;
      const o = slot * 4;
      const jump = slot >= view.count; // a new entity appears in place instead of flying in from 0,0,0
      view.target[o] = clamp01(e.x) * view.size.x;
      view.target[o + 1] = clamp01(e.y) * view.size.y;
      view.target[o + 2] = clamp01(e.z) * view.size.z;
      view.target[o + 3] = shown ? 4 * clamp01((e.scale ?? 0.5) / 4) : 0;
      if (jump) view.current.set(view.target.subarray(o, o + 4), o);
      // Block light 0–15 dims the colour. A glowing entity takes on half its band's glow colour (the outline
      // players see, which a mesh cannot draw) and is pushed past 1 so it blooms in the tone map.
      const light = 0.35 + 0.65 * clamp01((e.brightness ?? MAX_BRIGHTNESS) / MAX_BRIGHTNESS);
      this.color.setHex(entityColor(typeof e.material === 'string' ? e.material : undefined, e.band));
      if (e.glow === true) this.color.lerp(this.glowColor.setHex(glowColor(e.band)), 0.5);
      this.color.multiplyScalar(e.glow === true ? light * 1.6 : light);
      this.color.toArray(view.color, slot * 3);
    }
    for (let slot = highest; slot < view.count; slot++) view.target[slot * 4 + 3] = 0;
    view.count = Math.max(view.count, highest);
    view.mesh.count = view.count;
  }

  private renderFrame(): void {
    this.glow.value = 0.25 + 0.9 * this.beatGlow;
    this.beatGlow *= 0.9;
    for (const view of this.zones.values()) {
      const { current, target, mesh } = view;
      for (let i = 0; i < view.count; i++) {
        const o = i * 4;
        for (let c = 0; c < 4; c++) current[o + c]! += (target[o + c]! - current[o + c]!) * EASE;
        const s = current[o + 3]! * BLOCK_EDGE;
        this.matrix.makeScale(s, s, s).setPosition(current[o]!, current[o + 1]!, current[o + 2]!);
        mesh.setMatrixAt(i, this.matrix);
        this.color.fromArray(view.color, i * 3);
        mesh.setColorAt(i, this.color);
      }
      mesh.instanceMatrix.needsUpdate = true;
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
    this.controls.update();
    this.renderer.render(this.scene, this.camera);
    this.frames++;
  }

  private rebuild(): void {
    const placements = layoutZones(this.shapes);
    for (const placement of placements) {
      let view = this.zones.get(placement.name);
      if (view === undefined || !sameSize(view.size, placement.size)) {
        if (view !== undefined) this.disposeZone(view);
        view = this.createZone(placement.size);
        this.zones.set(placement.name, view);
      }
      view.group.position.set(placement.x, placement.y, placement.z);
      view.group.rotation.y = -placement.yaw;
    }
    for (const [name, view] of this.zones) {
      if (!placements.some((p) => p.name === name)) {
        this.disposeZone(view);
        this.zones.delete(name);
      }
    }
    this.frameCamera(placements);
  }

  /** Points the camera at the middle of the zones from far enough away to see them all. */
  private frameCamera(placements: readonly ZonePlacement[]): void {
    let reach = 8;
    let top = 1;
    for (const p of placements) {
      const diagonal = Math.hypot(p.size.x, p.size.z);
      reach = Math.max(reach, Math.hypot(p.x, p.z) + diagonal);
      top = Math.max(top, p.y + p.size.y);
    }
    this.controls.target.set(0, top / 2, 0);
    const distance = reach * 1.1 + top * 0.4;
    this.camera.position.copy(CAMERA_DIRECTION).multiplyScalar(distance).add(this.controls.target);
    this.scene.fog = new THREE.Fog(0x07070c, distance * 2, distance * 5);
  }

  private createZone(size: { x: number; y: number; z: number }): ZoneView {
    const group = new THREE.Group();
    const mesh = new THREE.InstancedMesh(
      new THREE.BoxGeometry(1, 1, 1),
      this.material,
      MAX_ENTITIES_PER_ZONE,
    );
    mesh.count = 0;
    mesh.frustumCulled = false;
    mesh.setColorAt(0, this.color.setHex(0xffffff));
    const box = new THREE.BoxGeometry(size.x, size.y, size.z).translate(size.x / 2, size.y / 2, size.z / 2);
    const outline = new THREE.LineSegments(
      new THREE.EdgesGeometry(box),
      new THREE.LineBasicMaterial({ color: 0x3a3a5c, transparent: true, opacity: 0.6 }),
    );
    box.dispose();
    group.add(mesh, outline);
    this.scene.add(group);
    return {
      group,
      mesh,
      outline,
      size: { ...size },
      current: new Float32Array(MAX_ENTITIES_PER_ZONE * 4),
      target: new Float32Array(MAX_ENTITIES_PER_ZONE * 4),
      color: new Float32Array(MAX_ENTITIES_PER_ZONE * 3),
      count: 0,
    };
  }

  private disposeZone(view: ZoneView): void {
    this.scene.remove(view.group);
    view.mesh.geometry.dispose();
    view.mesh.dispose();
    view.outline.geometry.dispose();
    (view.outline.material as THREE.Material).dispose();
  }

  private resize(): void {
    const width = Math.max(1, this.host.clientWidth);
    const height = Math.max(1, this.host.clientHeight);
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
  }
}

/** Clamps to 0–1; anything that is not a finite number (hostile or broken input) becomes 0. */
function clamp01(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 0;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function sameSize(a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }): boolean {
  return a.x === b.x && a.y === b.y && a.z === b.z;
}
