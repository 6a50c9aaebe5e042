import { expect } from 'chai';
import { parseSubprotocolHeader, selectSubprotocol } from '../../src/transport/subprotocol.js';

describe('transport/subprotocol', () => {
  it('parses a comma-separated header', () => {
    expect(parseSubprotocolHeader('ocpp2.0.1, ocpp1.6')).to.deep.equal(['ocpp2.0.1', 'ocpp1.6']);
    expect(parseSubprotocolHeader(undefined)).to.deep.equal([]);
    expect(parseSubprotocolHeader(['ocpp1.6', ' ocpp2.1 '])).to.deep.equal(['ocpp1.6', 'ocpp2.1']);
  });

  it("picks by the server's preference, not the client's order", () => {
    expect(selectSubprotocol(['ocpp1.6', 'ocpp2.0.1'], ['ocpp2.0.1', 'ocpp1.6'])).to.equal('ocpp2.0.1');
    expect(selectSubprotocol(['ocpp2.0.1', 'ocpp1.6'], ['ocpp1.6', 'ocpp2.0.1'])).to.equal('ocpp1.6');
  });

  it('returns null when nothing is agreed', () => {
    expect(selectSubprotocol(['ocpp1.5'], ['ocpp2.0.1'])).to.equal(null);
    expect(selectSubprotocol([], ['ocpp2.0.1'])).to.equal(null);
  });
});
