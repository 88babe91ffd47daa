/** One landmark, normalized to the source frame (x right, y down, 0..1); z is relative depth. */
export interface Landmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Hands found in one frame (21 landmarks each). */
export interface HandFrame {
  readonly kind: 'hand';
  readonly hands: readonly {
    readonly landmarks: readonly Landmark[];
    readonly handedness: 'Left' | 'Right';
    readonly score: number;
    /**
     * Share (0..1) of the patch of image behind the wrist, where the forearm should be, that
     * looks like this hand's skin; absent when not measured. See `ml/forearm.ts`.
     */
    readonly forearm?: number;
    /**
     * The forearm's axis as the image shows it, a unit vector in the frame's pixel units (x
     * right, y down) pointing from the elbow toward the hand; absent when it could not be told
     * (the palm's axis is used then). See `ml/forearm-axis.ts`.
     */
    readonly forearmAxis?: { readonly x: number; readonly y: number };
  }[];
}

/** Faces found in one frame (478 landmarks each). */
export interface FaceFrame {
  readonly kind: 'face';
  readonly faces: readonly { readonly landmarks: readonly Landmark[] }[];
}

/** What the landmarker yields per frame; width/height are the source's pixel size. */
export type LandmarkFrame = (HandFrame | FaceFrame) & {
  readonly timestampMs: number;
  readonly width: number;
  readonly height: number;
};

/** Which landmarker a product needs. */
export type LandmarkerKind = 'hand' | 'face';

/** The compute backend MediaPipe runs on. */
export type Delegate = 'GPU' | 'CPU';

/** Options for the inference engine, the same in a worker and on the main thread. */
export interface EngineOptions {
  readonly kind: LandmarkerKind;
  /** Absolute URL of the self-hosted assets folder (ends with `/`). */
  readonly assetsUrl: string;
  /** Preferred delegate; GPU falls back to CPU when WebGL2 is missing or fails. */
  readonly delegate: Delegate;
  /** `lite` trades hand accuracy for speed (hand only). */
  readonly model: 'full' | 'lite';
  readonly maxHands: number;
  readonly maxFaces: number;
}
