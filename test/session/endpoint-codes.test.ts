/** Every RPC framework error code of a version is accepted from the peer without a finding (OCPP-J 1.6 §4.2.3 table 7, 2.0.1 Part 4 §4.3 table 8). */
import { expect } from 'chai';
import { validErrorCodes } from '../../src/protocol/error-codes.js';
import { OcppEndpoint } from '../../src/session/endpoint.js';
import { manualClock, scriptedConnection } from '../helpers/scripted-connection.js';

describe('session/endpoint accepts every valid error code', () => {
  for (const version of ['1.6', '2.0.1', '2.1'] as const) {
    it(`OCPP ${version}: all ${validErrorCodes(version).size} codes`, async () => {
      expect(validErrorCodes(version).size).to.be.at.least(10);
      for (const code of validErrorCodes(version)) {
        const conn = scriptedConnection();
        const ep = new OcppEndpoint({ connection: conn, version, role: 'cs', clock: manualClock(), newMessageId: () => 'id1' });
        const p = ep.call('Heartbeat', {});
        conn.deliver(`[4,"id1","${code}","",{}]`);
        expect((await p).status).to.equal('error');
        expect(ep.findings, `${version} ${code}`).to.deep.equal([]);
      }
    });
  }
});
