// `@fittingroom/sdk/strings`: every shipped UI text at once, for tooling (translation checks,
// override editors). A page never needs it: the SDK loads only the shopper's language.
export { DICTIONARIES, TRYON_STRINGS } from './i18n/all.js';
export { loadLocale, loadTryOnStrings, UI_KEYS, validateOverrides } from './i18n/index.js';
export {
  type ConsentStrings,
  LOCALES,
  type Locale,
  type LocaleOverrides,
  STRING_KEYS,
  type StringKey,
  type StringOverrides,
  TRYON_KEYS,
  type TryOnKey,
  type TryOnStringOverrides,
  type TryOnStrings,
  type UiStringKey,
  type UiStringOverrides,
} from './i18n/types.js';
