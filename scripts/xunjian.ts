// `npm run xunjian -- <command>`: operator CLI. Each command lives in scripts/cli/<command>.ts.
import { runCli } from './cli/dispatch';

process.exitCode = await runCli(process.argv.slice(2));
