import { expect } from 'chai';
import { dial } from '../../src/transport/client.js';
import { OcppServer } from '../../src/transport/server.js';

describe('transport/connection', () => {
  it('keeps frames that arrive before anyone listens and delivers them, in order, to the first listener', async () => {
    // A CSMS may send its first CALL in the same TCP segment as the upgrade response, before the
    // dialer has attached its session: those frames must not be lost.
    const server = new OcppServer({ subprotocols: ['ocpp2.0.1'] });
    server.onConnection((conn) => {
      conn.send('[2,"a","GetVariables",{}]');
      conn.send('[2,"b","Reset",{"type":"Immediate"}]');
    });
    const { url } = await server.start();
    try {
      const conn = await dial(url, { identity: 'CP-EARLY', subprotocols: ['ocpp2.0.1'] });
      await new Promise((r) => setTimeout(r, 50));
      const got: Array<[string, number]> = [];
      conn.onText((text, seq) => got.push([text, seq]));
      await new Promise((r) => setTimeout(r, 20));
      expect(got.map(([t]) => (JSON.parse(t) as unknown[])[1])).to.deep.equal(['a', 'b']);
      expect(got[0]![1]).to.be.lessThan(got[1]![1]);
      const later: string[] = [];
      conn.onText((text) => later.push(text));
      await new Promise((r) => setTimeout(r, 20));
      expect(later).to.deep.equal([]);
      await conn.close();
    } finally {
      await server.close();
    }
  });
});
