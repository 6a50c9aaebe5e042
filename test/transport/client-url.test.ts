import { expect } from 'chai';
import { connectionUrl } from '../../src/transport/client.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';
import { dial } from '../../src/transport/client.js';

describe('transport/client: the connection URL', () => {
  it('appends the identity (OCPP-J Part 4 §3.1.1) unless the URL already ends with it', () => {
    expect(connectionUrl('ws://h:1/ocpp', 'CP 1')).to.equal('ws://h:1/ocpp/CP%201');
    expect(connectionUrl('ws://h:1/ocpp/CP1', 'CP1')).to.equal('ws://h:1/ocpp/CP1');
  });

  it('{stationId} places the identity where the CSMS wants it, also when the braces were percent-encoded', () => {
    expect(connectionUrl('ws://h:1/ocpp/{stationId}/ws', 'CP 1')).to.equal('ws://h:1/ocpp/CP%201/ws');
    expect(connectionUrl('ws://h:1/ws?station={stationId}', 'CP1')).to.equal('ws://h:1/ws?station=CP1');
    expect(connectionUrl(new URL('ws://h:1/cs/{stationId}').toString(), 'CP1')).to.equal('ws://h:1/cs/CP1');
  });

  it('dials a CSMS through a {stationId} URL', async () => {
    const csms = createCsmsSimulator({ version: '1.6', port: 0 });
    const { url } = await csms.start();
    try {
      const conn = await dial(`${url}/{stationId}`, { identity: 'CP001', subprotocols: ['ocpp1.6'] });
      expect(conn.info.url).to.match(/\/ocpp\/CP001$/);
      await conn.close(1000, 'done');
    } finally {
      await csms.close();
    }
  });
});
