import { expect } from 'chai';
import fc from 'fast-check';
import { parseFrame, serializeFrame, callError, MessageType, type Frame } from '../../src/protocol/frames.js';
import { validErrorCodes } from '../../src/protocol/error-codes.js';
import { ocppVersions, type OcppVersion } from '../../src/protocol/versions.js';

function err(text: string, version: OcppVersion) {
  const r = parseFrame(text, version);
  if (r.ok) throw new Error(`expected a frame error for ${text}`);
  return r.error;
}

describe('protocol/frames', () => {
  it('round-trips every frame type', () => {
    const frames: Frame[] = [
      { type: MessageType.CALL, messageId: 'a1', action: 'Heartbeat', payload: {} },
      { type: MessageType.CALLRESULT, messageId: 'a1', payload: { currentTime: '2024-01-01T00:00:00Z' } },
      { type: MessageType.CALLERROR, messageId: 'a1', errorCode: 'NotImplemented', errorDescription: 'x', errorDetails: {} },
      { type: MessageType.CALLRESULTERROR, messageId: 'a2', errorCode: 'FormatViolation', errorDescription: '', errorDetails: {} },
      { type: MessageType.SEND, messageId: 'a3', action: 'NotifyPeriodicEventStream', payload: { id: 1 } },
    ];
    for (const frame of frames) {
      const r = parseFrame(serializeFrame(frame), '2.1');
      expect(r).to.deep.equal({ ok: true, frame });
    }
  });

  it('rejects 2.1-only message types on 1.6 and 2.0.1 links, with the version spelling', () => {
    expect(err('[6,"x","A",{}]', '2.0.1')).to.include({ kind: 'messageTypeNotSupported', errorCode: 'MessageTypeNotSupported', messageId: 'x' });
    expect(err('[5,"x","A","",{}]', '1.6')).to.include({ kind: 'messageTypeNotSupported', errorCode: 'GenericError' });
    expect(parseFrame('[6,"x","A",{}]', '2.1').ok).to.equal(true);
  });

  it('answers an unreadable message id with "-1"', () => {
    expect(err('not json', '2.0.1')).to.include({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', messageId: '-1', reply: true });
    expect(err('[2, 17, "Heartbeat", {}]', '2.0.1')).to.include({ messageId: '-1', errorCode: 'RpcFrameworkError' });
    expect(err('{"a":1}', '1.6')).to.include({ errorCode: 'FormationViolation', messageId: '-1' });
  });

  it('maps payload shape errors to the version spelling of FormatViolation', () => {
    expect(err('[2,"m","Heartbeat",[]]', '1.6')).to.include({ kind: 'formatViolation', errorCode: 'FormationViolation', messageId: 'm', action: 'Heartbeat' });
    expect(err('[2,"m","Heartbeat",[]]', '2.0.1')).to.include({ errorCode: 'FormatViolation' });
    expect(err('[2,"m","Heartbeat",[]]', '2.1')).to.include({ errorCode: 'FormatViolation' });
  });

  it('does not ask for a reply to a broken response, except CALLRESULT in 2.1', () => {
    expect(err('[3,"m"]', '2.0.1').reply).to.equal(false);
    expect(err('[4,"m","X"]', '1.6').reply).to.equal(false);
    expect(err('[3,"m"]', '2.1').reply).to.equal(true);
    expect(err('[6,"m","A"]', '2.1').reply).to.equal(false);
  });

  it('builds CALLERRORs with a description of at most 255 characters', () => {
    const f = callError('1.6', 'id', 'occurrenceConstraintViolation', 'x'.repeat(300));
    expect(f.errorCode).to.equal('OccurenceConstraintViolation');
    expect(f.errorDescription).to.have.length(255);
    expect(callError('2.0.1', 'id', 'occurrenceConstraintViolation', '').errorCode).to.equal('OccurrenceConstraintViolation');
  });

  it('property: any string parses or yields a known error code of the version, never throws', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.tuple(fc.constantFrom(2, 3, 4, 5, 6, 7, -1, 2.5), fc.oneof(fc.string(), fc.integer()), fc.anything(), fc.anything(), fc.anything())
        .chain((t) => fc.integer({ min: 0, max: 5 }).map((n) => JSON.stringify(t.slice(0, n)))),
    );
    for (const version of ocppVersions) {
      const codes = validErrorCodes(version);
      fc.assert(
        fc.property(jsonish, (text) => {
          const r = parseFrame(text, version);
          if (r.ok) return serializeFrame(r.frame).length > 0;
          return codes.has(r.error.errorCode) && typeof r.error.messageId === 'string';
        }),
        { numRuns: 2000 },
      );
    }
  });
});
