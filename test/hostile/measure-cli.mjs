// Runs the built CLI in this process and reports its peak resident memory on the last stderr
// line, so a test can hold `relpack validate` to a memory budget on hostile input.
import { runCli } from '../../dist/cli/main.js';

const code = await runCli(process.argv.slice(2));
process.stderr.write(`\nRELPACK_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
