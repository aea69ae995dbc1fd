// npm run db:<command>: init | start | stop | status | migrate | reset | destroy
// --instance test (or LOCONOMY_DB_INSTANCE=test) works on the test cluster instead of dev.
import { dbUrl, instance } from './config.ts';
import * as cluster from './cluster.ts';
import { ensureDatabase, resetDatabase } from './database.ts';

const args = process.argv.slice(2);
const flag = args.indexOf('--instance');
const inst = instance(flag >= 0 ? args[flag + 1] : undefined);
const dbFlag = args.indexOf('--database');
// --database NAME builds a separate database in the same cluster (scratch work, experiments)
const database = dbFlag >= 0 ? args[dbFlag + 1] : 'postgres';
const command = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'status';

async function main() {
  switch (command) {
    case 'init':
      console.log(cluster.init(inst) ? `initialized ${inst.dataDir}` : `already initialized: ${inst.dataDir}`);
      break;
    case 'start': {
      const state = await cluster.start(inst);
      const built = await ensureDatabase(inst, { database });
      console.log(`database ${state}, ${built === 'created' ? 'built and seeded' : 'up to date'}: ${dbUrl(inst, database)}`);
      break;
    }
    case 'stop':
      console.log(`database ${cluster.stop(inst)}`);
      break;
    case 'status':
      console.log(cluster.status(inst));
      break;
    case 'migrate':
      await cluster.start(inst);
      await ensureDatabase(inst, { database });
      break;
    case 'reset': {
      const started = Date.now();
      await cluster.start(inst);
      await resetDatabase(inst, { database });
      console.log(`database reset in ${((Date.now() - started) / 1000).toFixed(1)}s: ${dbUrl(inst, database)}`);
      break;
    }
    case 'destroy':
      cluster.destroy(inst);
      console.log(`removed ${inst.dataDir}`);
      break;
    default:
      throw new Error(`unknown command "${command}" (init, start, stop, status, migrate, reset, destroy)`);
  }
}

main().catch((err: Error) => {
  console.error(`db ${command}: ${err.message}`);
  process.exit(1);
});
