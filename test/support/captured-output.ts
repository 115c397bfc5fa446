import fs from 'node:fs';

/** What the process wrote to stdout and stderr since `captureOutput()`, until `restore()`. */
export interface CapturedOutput {
  text(): string;
  /** The JSON lines written (pino's), parsed; other lines are skipped. */
  jsonLines(): Record<string, unknown>[];
  restore(): void;
}

const asText = (data: unknown) =>
  Buffer.isBuffer(data)
    ? data.toString('utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')
      : String(data);

/**
 * Captures everything written to stdout and stderr: process.stdout/stderr.write, and
 * fs.write/fs.writeSync on fds 1 and 2, which is where pino's sonic-boom writes.
 */
export function captureOutput(): CapturedOutput {
  let captured = '';
  const undo: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as unknown as (...a: unknown[]) => boolean;
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      captured += asText(chunk);
      return original(chunk, ...rest);
    };
    undo.push(() => {
      stream.write = original;
    });
  }
  const { write, writeSync } = fs;
  (fs as { writeSync: unknown }).writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) captured += asText(data);
    return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
  };
  (fs as { write: unknown }).write = (fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) captured += asText(data);
    return (write as (...a: unknown[]) => void)(fd, data, ...rest);
  };
  undo.push(() => {
    (fs as { writeSync: unknown }).writeSync = writeSync;
    (fs as { write: unknown }).write = write;
  });
  return {
    text: () => captured,
    jsonLines: () =>
      captured
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    restore: () => undo.reverse().forEach((u) => u()),
  };
}
