/** PICS applicability (2.0.1 Part 5): each condition form, and the reason it gives in words. */
import { expect } from 'chai';
import { evaluate, itemsOf, type Pics } from '../../src/engine/pics-condition.js';

const pics: Pics = { items: { 'C-01': true, 'C-02': false, 'AQ-3': 2, 'FP-List': ['a', 'b'], S: 'x' } };

describe('engine/pics-condition', () => {
  it('no condition applies, unconditionally', () => {
    expect(evaluate(undefined, pics)).to.deep.equal({ applies: true, reason: 'unconditional' });
  });

  it('an item alone must be true, and says what it needs', () => {
    expect(evaluate({ item: 'C-01' }, pics)).to.deep.equal({ applies: true, reason: 'PICS C-01 = true' });
    expect(evaluate({ item: 'C-02' }, pics)).to.deep.equal({ applies: false, reason: 'PICS C-02 = false (needs true)' });
    expect(evaluate({ item: 'S' }, pics).applies).to.equal(false);
    expect(evaluate({ item: 'C-99' }, pics)).to.deep.equal({ applies: false, reason: 'PICS C-99 is not declared' });
  });

  it('equals compares values, includes looks into lists', () => {
    expect(evaluate({ item: 'AQ-3', equals: 2 }, pics)).to.deep.equal({ applies: true, reason: 'PICS AQ-3 = 2' });
    expect(evaluate({ item: 'AQ-3', equals: 3 }, pics)).to.deep.equal({ applies: false, reason: 'PICS AQ-3 = 2 (needs = 3)' });
    expect(evaluate({ item: 'C-02', equals: false }, pics).applies).to.equal(true);
    expect(evaluate({ item: 'FP-List', includes: 'b' }, pics)).to.deep.equal({ applies: true, reason: 'PICS FP-List = ["a","b"]' });
    expect(evaluate({ item: 'FP-List', includes: 'c' }, pics)).to.deep.equal({ applies: false, reason: 'PICS FP-List = ["a","b"] (needs includes c)' });
    expect(evaluate({ item: 'S', includes: 'x' }, pics).applies).to.equal(false);
  });

  it('all needs every part and names the failing ones; any needs one and names it', () => {
    expect(evaluate({ all: [{ item: 'C-01' }, { item: 'AQ-3', equals: 2 }] }, pics)).to.deep.equal({ applies: true, reason: 'PICS C-01 = true and PICS AQ-3 = 2' });
    expect(evaluate({ all: [{ item: 'C-01' }, { item: 'C-02' }, { item: 'C-99' }] }, pics)).to.deep.equal({ applies: false, reason: 'PICS C-02 = false (needs true) and PICS C-99 is not declared' });
    expect(evaluate({ any: [{ item: 'C-02' }, { item: 'C-01' }] }, pics)).to.deep.equal({ applies: true, reason: 'PICS C-01 = true' });
    expect(evaluate({ any: [{ item: 'C-02' }, { item: 'C-99' }] }, pics)).to.deep.equal({ applies: false, reason: 'none of: PICS C-02 = false (needs true); PICS C-99 is not declared' });
  });

  it('not inverts and says so', () => {
    expect(evaluate({ not: { item: 'C-02' } }, pics)).to.deep.equal({ applies: true, reason: 'not (PICS C-02 = false (needs true))' });
    expect(evaluate({ not: { item: 'C-01' } }, pics).applies).to.equal(false);
  });

  it('lists every item a condition mentions', () => {
    expect(itemsOf(undefined)).to.deep.equal([]);
    expect(itemsOf({ all: [{ item: 'A' }, { any: [{ item: 'B' }, { not: { item: 'C' } }] }] })).to.deep.equal(['A', 'B', 'C']);
  });
});
