import type { ProductKind } from '../products/types.js';

/** What {@link checkModel} needs to know about a parsed model. */
export interface ModelSummary {
  /** Mesh primitives in the default scene. */
  readonly primitives: number;
  /** Of those, how many have no material (they would render flat grey). */
  readonly withoutMaterial: number;
  /** Bounding box size in model units (metres by the convention), x, y, z. */
  readonly size: readonly [number, number, number];
}

/**
 * Plausible largest side, in metres, of each kind (a real ring is about 0.02 m, a necklace with
 * its chain about 0.15 m); far outside means the file is in another unit or not the product.
 */
export const MODEL_SIZE_M: Record<ProductKind, readonly [number, number]> = {
  ring: [0.008, 0.05],
  watch: [0.02, 0.3],
  bracelet: [0.03, 0.2],
  earrings: [0.005, 0.12],
  necklace: [0.05, 0.6],
  glasses: [0.08, 0.3],
};

/** Unit mistakes recognised from the size: the factor that brings it into the plausible range. */
function unitHint(side: number, [min, max]: readonly [number, number]): string {
  const fits = (metres: number) => metres >= min && metres <= max;
  if (fits(side / 100)) return ' (it looks like centimetres)';
  if (fits(side / 1000)) return ' (it looks like millimetres)';
  return '';
}

/**
 * Checks a parsed model against the convention for its kind. Returns what is wrong, worded to
 * follow the file's name in an error (`has no mesh`), or null when the model is usable.
 */
export function checkModel(summary: ModelSummary, kind: ProductKind): string | null {
  if (summary.primitives === 0) return 'has no mesh: export the product itself, not an empty scene';
  if (summary.withoutMaterial > 0) {
    return `has ${summary.withoutMaterial} of ${summary.primitives} mesh parts without a material: give every part a PBR material`;
  }
  const side = Math.max(...summary.size);
  const range = MODEL_SIZE_M[kind];
  if (!(side >= range[0] && side <= range[1])) {
    const shown = side >= 1 ? side.toFixed(1) : side.toPrecision(2);
    return (
      `is ${shown} m across: glTF units are metres and a ${kind} model is ` +
      `${range[0]}–${range[1]} m${unitHint(side, range)}; export it at real size in metres`
    );
  }
  return null;
}
