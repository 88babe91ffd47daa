import {
  BufferAttribute,
  BufferGeometry,
  CylinderGeometry,
  Group,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
} from 'three';
import type { Occluder } from '../pose/index.js';

/**
 * Depth-only body parts: drawn first, writing depth but no colour, so whatever of the product
 * lies behind them is not drawn and the video shows through. With `debug`, each is also drawn
 * as a translucent cyan wireframe (the debug view of docs/3d-models.md).
 */
export interface OccluderLayer {
  readonly group: Group;
  update(occluders: readonly Occluder[]): void;
  dispose(): void;
}

/** Creates the occluder layer; meshes are reused frame to frame (no allocation per frame). */
export function createOccluderLayer(debug: boolean): OccluderLayer {
  const group = new Group();
  const depthOnly = new MeshBasicMaterial({ colorWrite: false });
  const wire = new MeshBasicMaterial({
    color: 0x00e5ff,
    wireframe: true,
    transparent: true,
    opacity: 0.5,
    depthTest: false,
  });
  const cylinder = new CylinderGeometry(1, 1, 1, 24, 1, false);
  const meshes: Mesh[] = [];
  const geometries: BufferGeometry[] = [];
  const matrix = new Matrix4();

  const meshAt = (i: number, geometry: BufferGeometry): Mesh => {
    let mesh = meshes[i];
    if (!mesh) {
      mesh = new Mesh(geometry, depthOnly);
      mesh.renderOrder = -1;
      mesh.matrixAutoUpdate = false;
      mesh.frustumCulled = false;
      if (debug) {
        const outline = new Mesh(geometry, wire);
        outline.matrixAutoUpdate = false;
        outline.renderOrder = 10;
        mesh.add(outline);
      }
      meshes[i] = mesh;
      group.add(mesh);
    }
    if (mesh.geometry !== geometry) {
      mesh.geometry = geometry;
      for (const child of mesh.children) (child as Mesh).geometry = geometry;
    }
    return mesh;
  };

  const meshGeometry = (i: number, o: Extract<Occluder, { kind: 'mesh' }>): BufferGeometry => {
    let g = geometries[i];
    const position = g?.getAttribute('position');
    if (!g || !position || position.array.length !== o.positions.length) {
      g?.dispose();
      g = new BufferGeometry();
      g.setAttribute('position', new BufferAttribute(new Float32Array(o.positions.length), 3));
      geometries[i] = g;
    }
    (g.getAttribute('position').array as Float32Array).set(o.positions);
    g.getAttribute('position').needsUpdate = true;
    if (!g.index || g.index.count !== o.indices.length)
      g.setIndex(new BufferAttribute(o.indices.slice(), 1));
    return g;
  };

  return {
    group,
    update(occluders) {
      occluders.forEach((o, i) => {
        if (o.kind === 'mesh') {
          const mesh = meshAt(i, meshGeometry(i, o));
          mesh.matrix.identity();
        } else {
          const mesh = meshAt(i, cylinder);
          const [ax, ay, az] = o.across;
          const [bx, by, bz] = o.axis;
          // Depth axis = across × axis, so the basis (across, axis, depth) is right-handed.
          const dx = ay * bz - az * by;
          const dy = az * bx - ax * bz;
          const dz = ax * by - ay * bx;
          const [cx, cy, cz] = o.centre;
          matrix.set(
            ax * o.radiusAcross,
            bx * o.length,
            dx * o.radiusDepth,
            cx,
            ay * o.radiusAcross,
            by * o.length,
            dy * o.radiusDepth,
            cy,
            az * o.radiusAcross,
            bz * o.length,
            dz * o.radiusDepth,
            cz,
            0,
            0,
            0,
            1,
          );
          mesh.matrix.copy(matrix);
        }
        meshes[i]!.visible = true;
        meshes[i]!.matrixWorldNeedsUpdate = true;
      });
      for (let i = occluders.length; i < meshes.length; i++) meshes[i]!.visible = false;
    },
    dispose() {
      for (const g of geometries) g?.dispose();
      cylinder.dispose();
      depthOnly.dispose();
      wire.dispose();
      group.clear();
    },
  };
}
