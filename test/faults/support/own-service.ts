/**
 * Starts the real service through test/support/service-process.ts and makes sure the process
 * that listens on its port is this child: ServiceProcess picks a free port, releases it and waits
 * for /health/ready on it, so another test's server that took the same port in the meantime would
 * pass for ours (seen: a crash-loop client answered 401 by a stranger). The owner of the listening
 * socket is read from /proc (Linux); a child that is not it is killed and started again.
 */
import { readdirSync, readlinkSync, readFileSync } from 'node:fs';
import { ServiceProcess, type ServiceProcessOptions } from '../../support/service-process';

/** The inode of the socket listening on 127.0.0.1/0.0.0.0/:: `port`, from /proc/net/tcp{,6}. */
function listeningInode(port: number): string | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length >= 10 && cols[1].endsWith(`:${hex}`) && cols[3] === '0A') return cols[9];
    }
  }
  return undefined;
}

/** True when `pid` holds the listening socket of `port`; undefined when /proc cannot tell. */
export function listensOn(pid: number, port: number): boolean | undefined {
  const inode = listeningInode(port);
  if (!inode) return undefined;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  return fds.some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
    } catch {
      return false;
    }
  });
}

export async function startOwnService(
  options: ServiceProcessOptions,
  attempts = 3,
): Promise<ServiceProcess> {
  for (let attempt = 1; ; attempt++) {
    const service = await ServiceProcess.start(options);
    const deadline = Date.now() + 15_000;
    let owner = listensOn(service.pid, service.port);
    // Ready may have been answered by a stranger while our child was still booting: give it time to bind.
    while (owner === false && service.running && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      owner = listensOn(service.pid, service.port);
    }
    if (service.running && owner !== false) return service;
    await service.kill('SIGKILL');
    if (attempt >= attempts)
      throw new Error(
        `${service.name} is not the process listening on port ${service.port}:\n${service.output().slice(-4000)}`,
      );
  }
}
