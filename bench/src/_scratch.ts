import { launchBench } from './browser.js';
import { inspect, threadMemory } from './cdp.js';
const b = await launchBench();
try {
  const { page } = await b.open('/bench/pages/bare.html?placement=worker');
  const ins = await inspect(page);
  await page.click('#start');
  await page.waitForFunction(() => (window as any).__bench.trackingAt !== null || (window as any).bareError, null, { timeout: 60000 });
  console.log('tracking');
  console.log('main', await threadMemory(ins.page));
  for (const [id, send] of ins.workers()) {
    console.log('worker', id);
    console.log(await send('Runtime.getHeapUsage'));
    console.log(await send('HeapProfiler.collectGarbage').catch((e) => String(e)));
    console.log(await threadMemory(send));
  }
  await ins.close();
} finally {
  await b.close();
}
