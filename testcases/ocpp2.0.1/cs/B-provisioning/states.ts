/** OCPP 2.0.1 Part 6 §2.18 reusable state of block B (provisioning), SUT = charging station. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';

async function booting(ctx: TestContext): Promise<void> {
  await ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } });
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { Booting: booting } });
