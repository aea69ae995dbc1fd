// The API in its own process, as `npm run api` runs it, so a benchmark's clients and the server
// do not share a thread. `args` are main.ts's options (--db-url …); it listens on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mainTs = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

export function spawnApi(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainTs, ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /API URL:\s+(\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`API exited with ${code}: ${out}`)));
  });
}
