export { ExitCode, exitCodeFor, knownCode } from '../errors/index.js';
