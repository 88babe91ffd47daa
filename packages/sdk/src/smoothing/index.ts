// `@fittingroom/sdk/smoothing`: One Euro filtering of placements.
export {
  type OneEuroParams,
  type OneEuroState,
  type OneEuroStep,
  oneEuro,
} from './one-euro.js';
export {
  createPlacementSmoother,
  DEFAULT_SMOOTHING,
  type PlacementSmoother,
  type SmootherState,
  type SmoothingOptions,
  type SmoothingParams,
  type SmoothStep,
  smoothPlacements,
} from './placements.js';
