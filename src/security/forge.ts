/**
 * The one place node-forge is loaded (DESIGN.md: src/security is its only user). node-forge is a
 * CommonJS module whose typings declare no default export, so an ESM default import does not
 * type-check; createRequire gives us the real module object with its declared types.
 */
import { createRequire } from 'node:module';
import type * as Forge from 'node-forge';

const require = createRequire(import.meta.url);

export const forge = require('node-forge') as typeof Forge;
