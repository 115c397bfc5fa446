/**
 * Which process holds a TCP socket on 127.0.0.1, read from /proc (Linux). A test that starts a
 * server on a port it picked (free a moment ago) uses it to make sure the process answering
 * there is its own and not another test's server that took the same port in the meantime.
 * Every function answers undefined when /proc cannot tell (not Linux, process gone).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TCP_LISTEN = '0A';
const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

/** The rows of /proc/net/tcp and tcp6, split into columns (local, remote, state, ..., inode). */
function tcpRows(): string[][] {
  const rows: string[][] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length >= 10) rows.push(cols);
    }
  }
  return rows;
}

/** The first of `pids` with an open file descriptor on socket `inode`. */
function holderOf(inode: string, pids: readonly number[]): number | undefined {
  const target = `socket:[${inode}]`;
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** True when `pid` holds the socket listening on `port`; undefined when /proc cannot tell. */
export function listensOn(pid: number, port: number): boolean | undefined {
  const row = tcpRows().find((cols) => cols[1].endsWith(`:${hex(port)}`) && cols[3] === TCP_LISTEN);
  if (!row) return undefined;
  try {
    readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  return holderOf(row[9], [pid]) === pid;
}

/**
 * Which of `pids` owns the client end of a TCP connection from `clientPort` to `serverPort`: lets
 * a receiver tell apart deliveries from two service processes that are otherwise identical.
 */
export function tcpClientOwner(
  clientPort: number,
  serverPort: number,
  pids: readonly number[],
): number | undefined {
  const row = tcpRows().find(
    (cols) => cols[1].endsWith(`:${hex(clientPort)}`) && cols[2].endsWith(`:${hex(serverPort)}`),
  );
  return row ? holderOf(row[9], pids) : undefined;
}
