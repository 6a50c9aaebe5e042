/** The tool's version, read once from package.json (reports and `--version` name it). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const toolVersion = (require('../../../package.json') as { version: string }).version;
