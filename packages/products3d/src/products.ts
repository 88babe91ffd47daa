// The demo store's six products, built from primitive shapes in millimetres, following the
// convention of docs/3d-models.md: +Y up (ring, watch, bracelet: toward the fingertips), +Z
// forward (out of the wearer; ring, watch: away from the back of the hand), +X the wearer's left;
// origin per kind (ring: band centre; watch: centre of the case back; glasses: bridge back;
// earrings: the hook; necklace: front point at the pit of the neck; bracelet: loop centre).
import {
  BoxGeometry,
  CatmullRomCurve3,
  CylinderGeometry,
  OctahedronGeometry,
  SphereGeometry,
  TorusGeometry,
  TubeGeometry,
  Vector3,
} from 'three';
import { ellipticBand, fromGeometry, type MeshData, merge, place } from './mesh.js';

/** The role a part plays; each palette gives every role a material. */
export type Role = 'metal' | 'stone' | 'dial' | 'strap' | 'strapBack' | 'lens' | 'temple';

/** One product: parts grouped by role. */
export interface ProductModel {
  readonly name: string;
  readonly parts: Partial<Record<Role, MeshData>>;
}

const HALF_PI = Math.PI / 2;

/** A brilliant-cut stone: a flat-shaded crown and pavilion (facets catch the environment). */
function stone(radius: number, at: [number, number, number], facing: 'z' | 'y' = 'z'): MeshData {
  const turn: [number, number, number] = facing === 'z' ? [HALF_PI, 0, 0] : [0, 0, 0];
  const crown = new CylinderGeometry(radius * 0.55, radius, radius * 0.35, 12, 1).toNonIndexed();
  crown.translate(0, radius * 0.175, 0);
  const pavilion = new CylinderGeometry(radius, 0.01, radius * 0.8, 12, 1, true).toNonIndexed();
  pavilion.translate(0, -radius * 0.4, 0);
  crown.computeVertexNormals();
  pavilion.computeVertexNormals();
  return merge(fromGeometry(crown, place(at, turn)), fromGeometry(pavilion, place(at, turn)));
}

/** Ring: a 1.6 mm band of 9.2 mm inner radius (size ~58) with a 6 mm stone on top (+Z). */
function ring(): ProductModel {
  const band = fromGeometry(new TorusGeometry(10, 1.6, 16, 96), place([0, 0, 0], [HALF_PI, 0, 0]));
  const setting = fromGeometry(
    new CylinderGeometry(2.6, 1.8, 2.4, 12),
    place([0, 0, 12.4], [HALF_PI, 0, 0]),
  );
  return {
    name: 'ring',
    parts: { metal: merge(band, setting), stone: stone(3, [0, 0, 14.6]) },
  };
}

/** Watch: a 38 mm case on the back of the wrist, a white dial with hands, a leather strap. */
function watch(): ProductModel {
  const caseBody = fromGeometry(
    new CylinderGeometry(19, 19, 9, 48),
    place([0, 0, 4.5], [HALF_PI, 0, 0]),
  );
  const crown = fromGeometry(
    new CylinderGeometry(2, 2, 3, 16),
    place([-20.5, 0, 5], [0, 0, HALF_PI]),
  );
  const hour = fromGeometry(new BoxGeometry(1.4, 9, 0.5), place([0, 4.5, 9.4]));
  const minute = fromGeometry(
    new BoxGeometry(1, 13, 0.5),
    place([4.6, -4.6, 9.6], [0, 0, Math.PI / 4]),
  );
  const dial = fromGeometry(
    new CylinderGeometry(16.5, 16.5, 0.6, 48),
    place([0, 0, 9], [HALF_PI, 0, 0]),
  );
  // The strap wraps a 60 × 40 mm wrist whose top is the case back (z = 0). Its back third
  // (within 60° of straight behind the wrist) is a part of its own: the wrist always hides it
  // from a camera facing the dial, and the e2e test colours it to prove so.
  const band = { a: 30, b: 20, centreZ: -20, width: 20, thickness: 2.5 };
  const third = (2 * Math.PI) / 3;
  const strap = ellipticBand({ ...band, segments: 43, from: -third, to: third });
  const strapBack = ellipticBand({ ...band, segments: 21, from: third, to: 2 * Math.PI - third });
  return {
    name: 'watch',
    parts: { metal: merge(caseBody, crown, hour, minute), dial, strap, strapBack },
  };
}

/** Bracelet: a thin gold bangle around a 64 × 48 mm wrist with nine stones. */
function bracelet(): ProductModel {
  const bangle = ellipticBand({ a: 32, b: 24, centreZ: 0, width: 5, thickness: 2 });
  const stones: MeshData[] = [];
  for (let k = -4; k <= 4; k++) {
    const t = (k * Math.PI) / 10;
    stones.push(stone(1.8, [34.2 * Math.sin(t), 0, 26.2 * Math.cos(t)]));
  }
  return { name: 'bracelet', parts: { metal: bangle, stone: merge(...stones) } };
}

/** Earring (one; the SDK hangs it at both lobes): a hook, a 16 mm drop and a stone. */
function earrings(): ProductModel {
  const hook = fromGeometry(
    new TorusGeometry(3, 0.5, 8, 24, Math.PI * 1.4),
    place([0, 1, 0], [0, HALF_PI, 0]),
  );
  const wire = fromGeometry(new CylinderGeometry(0.5, 0.5, 16, 8), place([0, -9, 0]));
  const drop = fromGeometry(
    new OctahedronGeometry(4, 0),
    place([0, -21, 0], [0, 0, 0], [0.8, 1.3, 0.8]),
  );
  return { name: 'earrings', parts: { metal: merge(hook, wire), stone: drop } };
}

/** Necklace: a chain around a 110 × 100 mm neck rising to the back, with a pendant at the front. */
function necklace(): ProductModel {
  const points: Vector3[] = [];
  for (let k = 0; k < 32; k++) {
    const t = (2 * Math.PI * k) / 32;
    const rise = 40 * (1 - Math.cos(t)) * 0.5;
    points.push(new Vector3(55 * Math.sin(t), rise, -50 + 50 * Math.cos(t)));
  }
  const curve = new CatmullRomCurve3(points, true);
  const chain = fromGeometry(new TubeGeometry(curve, 160, 0.9, 8, true));
  const bail = fromGeometry(new TorusGeometry(2, 0.6, 8, 16), place([0, -2.5, 1], [0, HALF_PI, 0]));
  const pendant = fromGeometry(
    new SphereGeometry(5, 12, 8).toNonIndexed(),
    place([0, -10, 3], [0, 0, 0], [1, 1.3, 0.6]),
  );
  return { name: 'necklace', parts: { metal: merge(chain, bail), stone: pendant } };
}

/** Glasses, 140 mm wide: two 50 mm rims, a bridge, end pieces and 100 mm temples running back (−Z). */
function glasses(): ProductModel {
  const rims: MeshData[] = [];
  const lenses: MeshData[] = [];
  for (const side of [-1, 1]) {
    rims.push(
      fromGeometry(
        new TorusGeometry(25, 1.8, 8, 64),
        place([side * 35, -8, 4], [0, 0, 0], [1, 0.8, 1]),
      ),
    );
    lenses.push(
      fromGeometry(
        new CylinderGeometry(25, 25, 0.8, 48),
        place([side * 35, -8, 4], [HALF_PI, 0, 0], [1, 1, 0.8]),
      ),
    );
    // End pieces deep enough to hide where the temples start behind them.
    rims.push(fromGeometry(new BoxGeometry(9, 7, 20), place([side * 65, -2, -5])));
  }
  const bridge = fromGeometry(new TorusGeometry(10, 1.5, 8, 24, Math.PI), place([0, -5, 4]));
  const temples: MeshData[] = [];
  for (const side of [-1, 1]) {
    temples.push(fromGeometry(new BoxGeometry(2.5, 4, 82), place([side * 69, -2, -54])));
    temples.push(
      fromGeometry(new BoxGeometry(2.5, 4, 22), place([side * 69, -10, -101], [-0.6, 0, 0])),
    );
  }
  return {
    name: 'glasses',
    parts: { metal: merge(...rims, bridge), lens: merge(...lenses), temple: merge(...temples) },
  };
}

/** The six demo products. */
export const PRODUCTS: readonly (() => ProductModel)[] = [
  ring,
  watch,
  bracelet,
  earrings,
  necklace,
  glasses,
];
