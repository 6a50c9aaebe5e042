/** The CSMS block list of a version. */
import type { OcppVersion } from '../../protocol/versions.js';
import type { CsmsBlock } from './block.js';
import { csmsBlocks16 } from './v16/blocks.js';
import { csmsBlocks201 } from './v201/blocks.js';

export function csmsBlocksOf(version: OcppVersion): readonly CsmsBlock[] {
  return version === '1.6' ? csmsBlocks16 : csmsBlocks201;
}
