import { Logger } from '@nestjs/common';
import { PollingLoop } from './polling-loop';

/** A loop whose passes the test releases one by one: `work` waits until `release()`. */
function controlledLoop(batchSize = 10) {
  const started: (() => void)[] = [];
  let taken = 0;
  const loop = new PollingLoop({
    name: 'test-loop',
    intervalMs: 60_000,
    batchSize,
    logger: new Logger('test-loop'),
    work: () =>
      new Promise<number>((resolve) => {
        started.push(() => resolve(taken));
      }),
  });
  const release = async (items = 0) => {
    while (started.length === 0) await new Promise((r) => setImmediate(r));
    taken = items;
    started.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { loop, release, started };
}

describe('PollingLoop.settled', () => {
  it('waits for the pass in progress, then for a pass that started after the call', async () => {
    const { loop, release } = controlledLoop();
    loop.start(); // pass 1 starts at once
    let settled = false;
    const done = loop.settled(1).then(() => (settled = true));
    await release(); // pass 1 (started before the call) ends: not counted
    expect(settled).toBe(false);
    await release(); // pass 2, started by settled's nudge, drains
    await done;
    expect(settled).toBe(true);
    await loop.stop();
  });

  it('counts a pass only once it has drained the queue (a full batch goes on)', async () => {
    const { loop, release } = controlledLoop(5);
    loop.start();
    await release();
    let settled = false;
    const done = loop.settled(1).then(() => (settled = true));
    await release(5); // a full batch: the same pass takes another at once
    expect(settled).toBe(false);
    await release(2); // short batch: the pass has drained
    await done;
    expect(settled).toBe(true);
    await loop.stop();
  });
});
