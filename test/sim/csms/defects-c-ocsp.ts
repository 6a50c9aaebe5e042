/**
 * Wire tests of the 2.0.1 CSMS defects of ISO 15118 contract validation (csms/v201/contract-validation.ts,
 * TC_C_50/51_CSMS): an Authorize with iso15118CertificateHashData whose responderURL is a small
 * OCSP responder here that answers revoked; what the station gets back, and whether the CSMS asked.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeOcspRequest, encodeOcspResponse } from '../../../src/protocol/ocsp.js';
import { contractHashData } from '../../../src/sim/station/v201/contract-certificate.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { connectStation } from './support.js';

/** Authorize the reference eMAID with its hash data at a responder saying revoked: { certificateStatus, asked }. */
async function revokedContract(url: string): Promise<unknown> {
  let asked = 0;
  const responder = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      asked += 1;
      const ids = decodeOcspRequest(Buffer.concat(chunks));
      const body = encodeOcspResponse({ answers: ids.map((certId) => ({ certId, status: 'revoked' })), producedAtMs: Date.now(), responderKeyHash: '00', sign: () => ({ algorithm: '1.2.840.10045.4.3.2', signature: Buffer.from([0]) }) });
      res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(body);
    });
  });
  await new Promise<void>((resolve) => responder.listen(0, '127.0.0.1', resolve));
  try {
    const responderURL = `http://127.0.0.1:${(responder.address() as AddressInfo).port}/`;
    const station = await connectStation(url, '2.0.1');
    const out = await station.call('Authorize', { idToken: { idToken: 'NLOCPC000000001', type: 'eMAID' }, iso15118CertificateHashData: [{ ...contractHashData, responderURL }] });
    return { certificateStatus: out.status === 'result' ? out.payload['certificateStatus'] : out.status, asked };
  } finally {
    responder.closeAllConnections();
    await new Promise((resolve) => responder.close(resolve));
  }
}

export const contractOcspCases: BlockDefectCase[] = [
  {
    defect: 'skips-ocsp-check',
    version: '2.0.1',
    observe: (_sim, url) => revokedContract(url),
    expected: [{ certificateStatus: 'CertificateRevoked', asked: 1 }, { certificateStatus: 'Accepted', asked: 0 }],
  },
  {
    defect: 'ignores-ocsp-revoked',
    version: '2.0.1',
    observe: (_sim, url) => revokedContract(url),
    expected: [{ certificateStatus: 'CertificateRevoked', asked: 1 }, { certificateStatus: 'Accepted', asked: 1 }],
  },
];
