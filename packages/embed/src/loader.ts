// The script-tag loader, built as one small IIFE (`dist/fittingroom-loader.js`). Before a click
// it only reads the page: no request, no storage, no cookies. The SDK is imported on the first
// click; the SDK loads the ML code only after camera consent.
import { boot } from './boot.js';

declare const __FR_VERSION__: string;

// `currentScript` is only set while this script runs, so it is read now.
boot(window, document.currentScript as HTMLScriptElement | null, __FR_VERSION__);
