// `@fittingroom/sdk/strings`: every shipped UI text at once, for tooling (translation checks,
// override editors). A page never needs it: the SDK loads only the shopper's language.
export { DICTIONARIES } from './i18n/all.js';
export { loadLocale } from './i18n/index.js';
export {
  type ConsentStrings,
  LOCALES,
  type Locale,
  STRING_KEYS,
  type StringKey,
  type StringOverrides,
} from './i18n/types.js';
export type { TryOnStringOverrides, TryOnStrings } from './tryon/strings.js';
export { TRYON_STRINGS } from './tryon/strings-all.js';
