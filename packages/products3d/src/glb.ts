import { Document, type Material, NodeIO } from '@gltf-transform/core';
import { KHRMaterialsUnlit } from '@gltf-transform/extensions';
import type { MeshData } from './mesh.js';
import type { ProductModel, Role } from './products.js';

/** Which materials a GLB gets: shop-ready PBR, or flat colours for pixel tests. */
export type Palette = 'demo' | 'test';

interface Look {
  readonly color: readonly [number, number, number, number];
  readonly metallic: number;
  readonly roughness: number;
}

// Linear-space base colours: polished gold, a sapphire, a white dial, brown leather, grey lenses.
const DEMO: Record<Role, Look> = {
  metal: { color: [1, 0.77, 0.34, 1], metallic: 1, roughness: 0.22 },
  stone: { color: [0.1, 0.25, 0.9, 1], metallic: 0.7, roughness: 0.04 },
  dial: { color: [0.92, 0.92, 0.9, 1], metallic: 0, roughness: 0.5 },
  strap: { color: [0.2, 0.08, 0.03, 1], metallic: 0, roughness: 0.7 },
  strapBack: { color: [0.2, 0.08, 0.03, 1], metallic: 0, roughness: 0.7 },
  lens: { color: [0.05, 0.06, 0.08, 0.45], metallic: 0, roughness: 0.05 },
  temple: { color: [1, 0.77, 0.34, 1], metallic: 1, roughness: 0.22 },
};

const MAGENTA = [1, 0, 1, 1] as const;
const GREEN = [0, 1, 0, 1] as const;
// Test colours: the glasses' temples and the back of the watch strap must be hidden where the
// body is in front of them.
const TEST: Record<Role, readonly [number, number, number, number]> = {
  metal: MAGENTA,
  stone: GREEN,
  dial: MAGENTA,
  strap: MAGENTA,
  strapBack: GREEN,
  lens: [0, 0, 0, 0],
  temple: GREEN,
};

function material(doc: Document, role: Role, palette: Palette, unlit: KHRMaterialsUnlit): Material {
  const m = doc.createMaterial(role).setDoubleSided(true);
  if (palette === 'test') {
    m.setBaseColorFactor([...TEST[role]]).setExtension('KHR_materials_unlit', unlit.createUnlit());
    if (role === 'lens') m.setAlphaMode('BLEND');
    return m;
  }
  const look = DEMO[role];
  m.setBaseColorFactor([...look.color])
    .setMetallicFactor(look.metallic)
    .setRoughnessFactor(look.roughness);
  if (look.color[3] < 1) m.setAlphaMode('BLEND');
  return m;
}

/** Millimetres (how the shapes are drawn) to metres (the glTF unit). */
function toMetres(positions: Float32Array): Float32Array {
  return positions.map((v) => v / 1000);
}

/** Writes one product as a GLB: one mesh, one primitive per role. */
export async function writeGlb(model: ProductModel, palette: Palette): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Fitting Room products3d';
  const buffer = doc.createBuffer();
  const unlit = doc.createExtension(KHRMaterialsUnlit);
  const mesh = doc.createMesh(model.name);
  for (const [role, data] of Object.entries(model.parts) as [Role, MeshData][]) {
    const accessor = (type: 'VEC3' | 'SCALAR', array: Float32Array | Uint32Array) =>
      doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', accessor('VEC3', toMetres(data.positions)))
      .setAttribute('NORMAL', accessor('VEC3', data.normals))
      .setIndices(accessor('SCALAR', data.indices))
      .setMaterial(material(doc, role, palette, unlit));
    mesh.addPrimitive(primitive);
  }
  doc.createScene(model.name).addChild(doc.createNode(model.name).setMesh(mesh));
  if (palette === 'demo') unlit.dispose();
  return new NodeIO().registerExtensions([KHRMaterialsUnlit]).writeBinary(doc);
}
