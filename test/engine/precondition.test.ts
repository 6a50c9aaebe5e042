/** Issue #24: the report names the reusable state a failed or inconclusive case stopped in. */
import { expect } from 'chai';
import type { StepRecord } from '../../src/engine/context-types.js';
import { preconditionOf } from '../../src/engine/precondition.js';

const step = (title: string, verdict: StepRecord['verdict']): StepRecord => ({ title, verdict, startedMonoMs: 0, durationMs: 0, checks: [] });

describe('engine/precondition', () => {
  it('names the state whose step carries the case verdict, nested or not', () => {
    expect(preconditionOf([step('Reusable state Booted', 'fail')], 'fail')).to.equal('Booted');
    expect(preconditionOf([step('Reusable state Charging', 'inconclusive'), step('Reusable state Charging › Reusable state Authorized', 'inconclusive')], 'inconclusive')).to.equal('Charging');
  });

  it('is absent when the case got past its states, passed, or the state step ended otherwise', () => {
    expect(preconditionOf([step('Reusable state Booted', 'pass'), step('Send Reset', 'fail')], 'fail')).to.equal(undefined);
    expect(preconditionOf([step('Reusable state Booted', 'pass')], 'pass')).to.equal(undefined);
    expect(preconditionOf([step('Reusable state Booted', 'error')], 'error')).to.equal(undefined);
  });
});
