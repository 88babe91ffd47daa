// A static host for the script-tag page: the folder as is, under the strict CSP of docs/csp.md.
import { createServer } from 'node:http';
import sirv from 'sirv';

const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `connect-src 'self' ${process.env.FR_INGEST ?? ''}`.trim(),
  "img-src 'self' blob: data:",
  "worker-src 'self' blob:",
].join('; ');
const files = sirv('site', { extensions: ['html'] });
createServer((req, res) => {
  res.setHeader('Content-Security-Policy', csp);
  files(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`static page on http://127.0.0.1:${process.env.PORT}`);
});
