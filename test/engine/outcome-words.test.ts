import { expect } from 'chai';
import { formatDuration, outcomeWords } from '../../src/engine/outcome-words.js';

describe('engine/outcome-words', () => {
  it('formats durations for people: no float noise', () => {
    expect(formatDuration(6010.8073060000315)).to.equal('6.01 s');
    expect(formatDuration(6000)).to.equal('6 s');
    expect(formatDuration(950.4)).to.equal('950 ms');
  });

  it('quotes a CALLERROR instead of "got no result"', () => {
    expect(outcomeWords({ status: 'error', action: 'SetVariables', messageId: 'm', errorCode: 'NotSupported', errorDescription: 'not here', errorDetails: {}, rttMs: 3 })).to.equal('SetVariables got CALLERROR NotSupported "not here"');
    expect(outcomeWords({ status: 'timeout', action: 'SetVariables', messageId: 'm', waitedMs: 30_000.2 })).to.equal('SetVariables got no response within 30 s');
    expect(outcomeWords({ status: 'closed', action: 'Reset', messageId: 'm' })).to.include('connection closed');
  });
});
