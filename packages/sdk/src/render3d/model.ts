import { Box3, type Group, Mesh, MeshBasicMaterial, type Object3D, Vector3 } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { ProductKind } from '../products/types.js';
import { checkModel } from './check.js';
import { ModelError } from './errors.js';

/** A checked model, ready to be posed. */
export interface LoadedModel {
  readonly scene: Group;
  /** Half the model's width (x) in metres: a ring band's outer radius. */
  readonly halfWidthM: number;
  /** Its bounding box in its own frame (metres): what the renderer projects to find its region. */
  readonly box: {
    readonly min: readonly [number, number, number];
    readonly max: readonly [number, number, number];
  };
}

/** Fetches a GLB the way product images are fetched: no credentials, no referrer. */
async function fetchModel(url: string, fetcher: typeof fetch): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (cause) {
    throw new ModelError(url, 'could not be fetched', { cause });
  }
  if (!response.ok) throw new ModelError(url, `could not be fetched (HTTP ${response.status})`);
  return response.arrayBuffer();
}

interface GltfJson {
  readonly meshes?: readonly { readonly primitives: readonly { readonly material?: number }[] }[];
}

/**
 * Loads and checks a product model. Throws a {@link ModelError} naming the file when it cannot
 * be fetched or parsed, or breaks the convention (no mesh, no materials, absurd size).
 */
export async function loadModel(
  url: string,
  kind: ProductKind,
  fetcher: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<LoadedModel> {
  const data = await fetchModel(url, fetcher);
  let gltf: Awaited<ReturnType<GLTFLoader['parseAsync']>>;
  try {
    gltf = await new GLTFLoader().parseAsync(data, '');
  } catch (cause) {
    throw new ModelError(url, 'is not a valid binary glTF 2.0 (GLB) file', { cause });
  }
  const json = gltf.parser.json as GltfJson;
  const primitives = (json.meshes ?? []).flatMap((m) => m.primitives);
  let meshes = 0;
  gltf.scene.traverse((o: Object3D) => {
    if (o instanceof Mesh) meshes++;
  });
  const box = new Box3().setFromObject(gltf.scene);
  const size = box.getSize(new Vector3());
  const problem = checkModel(
    {
      primitives: meshes === 0 ? 0 : primitives.length,
      withoutMaterial: primitives.filter((p) => p.material === undefined).length,
      size: [size.x, size.y, size.z],
    },
    kind,
  );
  if (problem) throw new ModelError(url, problem);
  gltf.scene.traverse((o: Object3D) => {
    // Unlit parts (KHR_materials_unlit) are flat colours meant to show as authored.
    if (o instanceof Mesh && o.material instanceof MeshBasicMaterial) o.material.toneMapped = false;
  });
  return {
    scene: gltf.scene,
    halfWidthM: size.x / 2,
    box: { min: box.min.toArray(), max: box.max.toArray() },
  };
}
