import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A PostgreSQL cluster and a Redis server of the test's own, on free loopback ports, so a drill
 * can stop and restart them without disturbing anything else running on the machine.
 */
const isRoot = process.getuid?.() === 0;

function pgBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const version = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', tool))).sort((a, b) => Number(b) - Number(a))[0];
  return path.join(base, version, 'bin', tool);
}

function run(cmd: string, args: string[], asPostgres = false) {
  const res = isRoot && asPostgres ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${res.stderr || res.stdout}`);
  return res.stdout;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function privatePostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctdc-drill-pg-'));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, 'drill-password', { mode: 0o644 });
  run(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'], true);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
  const ctl = (...args: string[]) => run(pgBin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', '-o', opts, ...args], true);
  ctl('start');
  const url = (db = 'postgres') => `postgres://postgres:drill-password@127.0.0.1:${port}/${db}`;
  run(pgBin('psql'), [url(), '-c', 'CREATE DATABASE ctdc']);
  return {
    url,
    stop: () => ctl('-m', 'fast', 'stop'),
    start: () => ctl('start'),
    destroy: () => {
      try { ctl('-m', 'immediate', 'stop'); } catch { /* already stopped */ }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function privateRedis() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctdc-drill-redis-'));
  const port = await freePort();
  const start = () => {
    run('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'yes', '--pidfile', path.join(dir, 'pid'), '--appendonly', 'yes', '--save', '']);
  };
  const stop = () => {
    run('redis-cli', ['-p', String(port), 'shutdown']);
  };
  start();
  for (let i = 0; i < 50; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    stop,
    start: async () => {
      start();
      for (let i = 0; i < 50; i++) {
        if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    destroy: () => {
      try { stop(); } catch { /* already stopped */ }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
