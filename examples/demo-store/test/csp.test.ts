import { describe, expect, it } from 'vitest';
import { PAGE_HEADERS, strictCsp } from '../src/csp.js';

// The policy published in docs/csp.md, word for word.
const DOCUMENTED =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' blob: data:; worker-src 'self' blob:";

describe('strictCsp', () => {
  it('is the documented minimal policy when the ingest server is same-origin or absent', () => {
    expect(strictCsp(null)).toBe(DOCUMENTED);
    expect(strictCsp('http://127.0.0.1:5173', 'http://127.0.0.1:5173')).toBe(DOCUMENTED);
  });

  it('adds the ingest origin to connect-src only, as a bare origin', () => {
    const csp = strictCsp('https://tryon.shop.example/base/path', 'https://shop.example');
    expect(csp).toBe(
      DOCUMENTED.replace("connect-src 'self'", "connect-src 'self' https://tryon.shop.example"),
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('keeps the camera to the page itself', () => {
    expect(PAGE_HEADERS['permissions-policy']).toContain('camera=(self)');
  });
});
