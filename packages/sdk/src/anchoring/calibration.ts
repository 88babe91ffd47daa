/**
 * Calibration constants: average adult body sizes that turn landmark distances (pixels) into
 * a pixels-per-millimetre scale, so a product's `realWidthMm` comes out the right size.
 * They are population averages (roughly the midpoint of adult female and male values in
 * common anthropometric tables), so a product is right to about ±10 % on a given shopper.
 */

/**
 * Centre-to-centre distance between neighbouring MCP knuckles (e.g. landmarks 9↔13), which
 * is about one finger width at the base: a hand breadth of ~84 mm spans four fingers.
 */
export const MCP_GAP_MM = 20;

/**
 * Proximal phalanx length (MCP → PIP joint centres; thumb MCP → IP). Used as a second,
 * perpendicular measure so a ring keeps its size when the hand turns edge-on.
 */
export const PROXIMAL_PHALANX_MM = {
  thumb: 32,
  index: 40,
  middle: 45,
  ring: 42,
  pinky: 33,
} as const;

/** Ring sits this fraction of the way from the MCP to the PIP joint: just above the web. */
export const RING_ALONG_PHALANX = 0.4;

/** Index MCP (5) ↔ pinky MCP (17): three knuckle gaps. */
export const HAND_MCP_SPAN_MM = 3 * MCP_GAP_MM;

/**
 * Wrist breadth (radial to ulnar side, where a watch sits) and thickness (back to palm side):
 * adult averages ~56 mm and ~40 mm. Face-on a wrist looks as wide as its breadth; turned
 * edge-on, as wide as its thickness.
 */
export const WRIST_BREADTH_MM = 56;
export const WRIST_THICKNESS_MM = 40;

/** Wrist (0) ↔ middle MCP (9); the second measure for wrist products when the hand is edge-on. */
export const PALM_LENGTH_MM = 90;

/**
 * How far toward the elbow from landmark 0 (the wrist joint) each wrist product sits: a watch
 * is worn just above the wrist bone, a bracelet hangs a little lower, nearer the hand.
 */
export const WRIST_OFFSET_MM = { watch: 15, bracelet: 8 } as const;

/**
 * Face width between landmarks 234 and 454 (face sides at ear level, just in front of the
 * tragus). The canonical face model puts them 153 mm apart; adult head breadth at that level
 * averages ~145–155 mm.
 */
export const FACE_WIDTH_MM = 150;

/**
 * Outer eye corners 33 ↔ 263 (biocular breadth). Canonical model: 89 mm; adult average ~90 mm.
 */
export const EYE_OUTER_CORNER_MM = 90;

/**
 * Depth of the nose tip (1) in front of the face sides (234/454) divided by the face width,
 * from the canonical face model (9.9 cm / 15.3 cm). With it, the nose's position between the
 * sides gives the head yaw: t = 0.5 + ratio · tan(yaw).
 */
export const NOSE_DEPTH_RATIO = 0.65;

/** Largest yaw we trust (beyond it the far side of the mesh is guessed, not seen). */
export const MAX_YAW_RAD = (60 * Math.PI) / 180;

/**
 * An ear is hidden once the head turns this far away from it: the lobe goes behind the jaw
 * and cheek at roughly 25–30° for most faces.
 */
export const EARRING_HIDE_YAW_RAD = (25 * Math.PI) / 180;

/**
 * Chin (152) to the pit of the neck (suprasternal notch), measured along the face's vertical
 * axis with the head upright: ~70 mm for adults. A necklace's anchor sits there.
 */
export const CHIN_TO_NECK_PIT_MM = 70;
