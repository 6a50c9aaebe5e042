/**
 * Wire-level framing cases, one assertion per rule of OCPP-J (1.6 §4, 2.0.1 Part 4 §4, 2.1 Part 4
 * §4): each malformed frame must get exactly the error kind, wire code, message id, action and
 * reply decision the spec calls for, and each valid frame must come back intact.
 */
import { expect } from 'chai';
import { callError, parseFrame, serializeFrame, supportedMessageTypes, typeName, MessageType, type FrameError } from '../../src/protocol/frames.js';
import type { OcppVersion } from '../../src/protocol/versions.js';

function err(text: string, version: OcppVersion = '2.0.1'): FrameError {
  const r = parseFrame(text, version);
  if (r.ok) throw new Error(`expected a frame error for ${text}`);
  return r.error;
}

describe('protocol/frames on the wire', () => {
  it('knows which message types each version defines', () => {
    expect(supportedMessageTypes('1.6')).to.deep.equal([2, 3, 4]);
    expect(supportedMessageTypes('2.0.1')).to.deep.equal([2, 3, 4]);
    expect(supportedMessageTypes('2.1')).to.deep.equal([2, 3, 4, 5, 6]);
  });

  it('names every message type, and an unknown one by number', () => {
    expect([2, 3, 4, 5, 6, 9].map(typeName)).to.deep.equal(['CALL', 'CALLRESULT', 'CALLERROR', 'CALLRESULTERROR', 'SEND', 'type 9']);
  });

  describe('not a frame at all', () => {
    it('not JSON: RpcFrameworkError, id "-1", answered', () => {
      const e = err('[2,"a"');
      expect(e).to.include({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', messageId: '-1', reply: true });
      expect(e.message).to.match(/^not valid JSON: /);
      expect(e).to.not.have.property('messageTypeId');
    });

    for (const [text, shown] of [['{"a":1}', 'an object'], ['"x"', 'the string "x"'], ['12', 'number 12'], ['null', 'null'], ['true', 'boolean true']] as const) {
      it(`${text}: not an array, says it got ${shown}`, () => {
        const e = err(text);
        expect(e).to.include({ kind: 'rpcFrameworkError', messageId: '-1', reply: true });
        expect(e.message).to.equal(`an OCPP-J frame is a JSON array, got ${shown}`);
      });
    }

    it('[]: an empty array', () => {
      expect(err('[]')).to.include({ kind: 'rpcFrameworkError', messageId: '-1', message: 'an OCPP-J frame must not be an empty array', reply: true });
    });

    it('a long string is shown shortened to 40 characters', () => {
      expect(err(JSON.stringify('y'.repeat(60))).message).to.equal(`an OCPP-J frame is a JSON array, got the string "${'y'.repeat(40)}…"`);
      expect(err(JSON.stringify('z'.repeat(40))).message).to.equal(`an OCPP-J frame is a JSON array, got the string "${'z'.repeat(40)}"`);
    });
  });

  describe('the message type id', () => {
    for (const [text, shown] of [['["2","m","Heartbeat",{}]', 'the string "2"'], ['[2.5,"m","Heartbeat",{}]', 'number 2.5'], ['[null,"m","Heartbeat",{}]', 'null'], ['[[2],"m","Heartbeat",{}]', 'an array']] as const) {
      it(`${text}: must be an integer (RpcFrameworkError with the readable id)`, () => {
        const e = err(text);
        expect(e).to.deep.equal({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', message: `the message type must be an integer, got ${shown}`, messageId: 'm', reply: true });
      });
    }

    it('an unknown integer type is MessageTypeNotSupported (2.0.1 Part 4 §4.4), with its number', () => {
      expect(err('[7,"m","Heartbeat",{}]')).to.deep.equal({ kind: 'messageTypeNotSupported', errorCode: 'MessageTypeNotSupported', message: 'message type 7 is not defined in OCPP 2.0.1', messageId: 'm', messageTypeId: 7, reply: true });
      expect(err('[1,"m"]', '1.6')).to.include({ errorCode: 'GenericError', messageTypeId: 1 });
      expect(err('[6,17]', '2.0.1')).to.include({ kind: 'messageTypeNotSupported', messageId: '-1' });
    });
  });

  describe('the message id', () => {
    for (const [text, reply] of [['[2,17,"Heartbeat",{}]', true], ['[3,17,{}]', false], ['[4,17,"X","",{}]', false], ['[2]', true]] as const) {
      it(`${text}: a non-string id is RpcFrameworkError with id "-1", reply ${String(reply)}`, () => {
        const e = err(text);
        expect(e).to.include({ kind: 'rpcFrameworkError', messageId: '-1', reply });
        expect(e.message).to.match(/^the message id must be a string, got /);
        expect(e.messageTypeId).to.equal(JSON.parse(text)[0]);
      });
    }
  });

  it('names an absent element as undefined', () => {
    expect(err('[2]').message).to.equal('the message id must be a string, got undefined');
    expect(err('[2,"m",{}]').message).to.equal('a CALL has 4 elements, got 3');
  });

  describe('a CALL', () => {
    it('with 5 elements is RpcFrameworkError, answered with its id', () => {
      expect(err('[2,"m","Heartbeat",{},{}]')).to.deep.equal({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', message: 'a CALL has 4 elements, got 5', messageId: 'm', messageTypeId: 2, reply: true });
    });

    it('with 3 elements is RpcFrameworkError, answered with its id', () => {
      expect(err('[2,"m","Heartbeat"]')).to.include({ message: 'a CALL has 4 elements, got 3', messageId: 'm', reply: true });
    });

    for (const action of ['""', '5', 'null']) {
      it(`with action ${action} is RpcFrameworkError`, () => {
        const e = err(`[2,"m",${action},{}]`);
        expect(e).to.include({ kind: 'rpcFrameworkError', messageId: 'm', reply: true });
        expect(e.message).to.match(/^the action must be a non-empty string, got /);
        expect(e).to.not.have.property('action');
      });
    }

    for (const payload of ['"x"', '1', 'null', 'true', '[]']) {
      it(`with payload ${payload} is FormatViolation naming the action`, () => {
        const e = err(`[2,"m","Heartbeat",${payload}]`);
        expect(e).to.include({ kind: 'formatViolation', errorCode: 'FormatViolation', messageId: 'm', action: 'Heartbeat', messageTypeId: 2, reply: true });
        expect(e.message).to.match(/^the payload of Heartbeat must be a JSON object, got /);
      });
    }

    it('valid: parsed with its action and payload', () => {
      expect(parseFrame('[2,"m","Heartbeat",{"a":[1]}]', '1.6')).to.deep.equal({ ok: true, frame: { type: 2, messageId: 'm', action: 'Heartbeat', payload: { a: [1] } } });
    });
  });

  describe('a SEND (2.1)', () => {
    it('with 5 elements is RpcFrameworkError and is not answered (2.1 Part 4 §4.2.4)', () => {
      expect(err('[6,"m","NotifyPeriodicEventStream",{},{}]', '2.1')).to.deep.equal({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', message: 'a SEND has 4 elements, got 5', messageId: 'm', messageTypeId: 6, reply: false });
    });

    it('with a scalar payload is FormatViolation, not answered', () => {
      expect(err('[6,"m","NotifyPeriodicEventStream",3]', '2.1')).to.include({ kind: 'formatViolation', action: 'NotifyPeriodicEventStream', reply: false });
    });
  });

  describe('a CALLRESULT', () => {
    it('with 4 elements is RpcFrameworkError, not answered in 2.0.1', () => {
      expect(err('[3,"m",{},{}]')).to.deep.equal({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', message: 'a CALLRESULT has 3 elements, got 4', messageId: 'm', messageTypeId: 3, reply: false });
    });

    it('with 2 elements is RpcFrameworkError', () => {
      expect(err('[3,"m"]', '1.6')).to.include({ errorCode: 'FormationViolation', message: 'a CALLRESULT has 3 elements, got 2' });
    });

    for (const payload of ['"x"', '[]', 'null', '0']) {
      it(`with payload ${payload} is FormatViolation`, () => {
        const e = err(`[3,"m",${payload}]`);
        expect(e).to.include({ kind: 'formatViolation', messageId: 'm', reply: false });
        expect(e.message).to.match(/^the payload of a CALLRESULT must be a JSON object, got /);
      });
    }

    it('broken on a 2.1 link is answered (with CALLRESULTERROR, 2.1 Part 4 §4.2.3)', () => {
      expect(err('[3,"m",{},{}]', '2.1')).to.include({ reply: true, messageTypeId: 3 });
    });
  });

  describe('a CALLERROR / CALLRESULTERROR', () => {
    it('with 6 elements is RpcFrameworkError, never answered', () => {
      expect(err('[4,"m","GenericError","",{},{}]')).to.deep.equal({ kind: 'rpcFrameworkError', errorCode: 'RpcFrameworkError', message: 'a CALLERROR has 5 elements, got 6', messageId: 'm', messageTypeId: 4, reply: false });
      expect(err('[5,"m","GenericError",""]', '2.1')).to.include({ message: 'a CALLRESULTERROR has 5 elements, got 4', reply: false });
    });

    it('with a non-string errorCode is RpcFrameworkError', () => {
      const e = err('[4,"m",3,"",{}]');
      expect(e).to.include({ kind: 'rpcFrameworkError', reply: false });
      expect(e.message).to.equal('the errorCode must be a string, got number 3');
    });

    it('with a non-string description is FormatViolation', () => {
      const e = err('[4,"m","GenericError",null,{}]');
      expect(e).to.include({ kind: 'formatViolation', reply: false });
      expect(e.message).to.equal('the errorDescription must be a string, got null');
    });

    for (const details of ['[]', '"x"', 'null']) {
      it(`with details ${details} is FormatViolation`, () => {
        const e = err(`[4,"m","GenericError","",${details}]`);
        expect(e).to.include({ kind: 'formatViolation', reply: false });
        expect(e.message).to.match(/^the errorDetails must be a JSON object, got /);
      });
    }

    it('valid: parsed with its type kept (4 or 5)', () => {
      expect(parseFrame('[5,"m","FormatViolation","d",{"k":1}]', '2.1')).to.deep.equal({ ok: true, frame: { type: 5, messageId: 'm', errorCode: 'FormatViolation', errorDescription: 'd', errorDetails: { k: 1 } } });
    });
  });

  describe('writing frames', () => {
    it('serializes each type with exactly its elements', () => {
      expect(serializeFrame({ type: MessageType.SEND, messageId: 's', action: 'A', payload: { x: 1 } })).to.equal('[6,"s","A",{"x":1}]');
      expect(serializeFrame({ type: MessageType.CALLRESULT, messageId: 'r', payload: {} })).to.equal('[3,"r",{}]');
      expect(serializeFrame({ type: MessageType.CALLRESULTERROR, messageId: 'e', errorCode: 'C', errorDescription: 'd', errorDetails: {} })).to.equal('[5,"e","C","d",{}]');
    });

    it('callError spells the kind, keeps the details, and defaults them to {}', () => {
      expect(callError('2.1', 'i', 'rpcFrameworkError', 'why', { at: 1 })).to.deep.equal({ type: 4, messageId: 'i', errorCode: 'RpcFrameworkError', errorDescription: 'why', errorDetails: { at: 1 } });
      expect(callError('1.6', 'i', 'messageTypeNotSupported', 'x'.repeat(255)).errorDescription).to.have.length(255);
      expect(callError('1.6', 'i', 'genericError', 'd').errorDetails).to.deep.equal({});
    });
  });
});
