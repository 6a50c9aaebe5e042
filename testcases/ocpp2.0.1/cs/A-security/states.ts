/** OCPP 2.0.1 Part 6 memory state of block A (security), SUT = charging station: RenewChargingStationCertificate (Table 446). */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';
import { answerSignCertificate, expectSignCertificate, pkiOf, sendCertificateSigned, triggerSigning } from './certificate-signing.js';

/** Steps 1-6: the station's certificate is renewed; its TriggerMessage, CSR and CertificateSigned answers are checked. */
export async function renewChargingStationCertificate(ctx: TestContext): Promise<void> {
  const pki = pkiOf(ctx);
  answerSignCertificate(ctx, 'Accepted');
  if (!(await triggerSigning(ctx))) return;
  const { csr } = await expectSignCertificate(ctx, pki, 'Accepted');
  const status = await sendCertificateSigned(ctx, pki, csr);
  ctx.check('CertificateSignedResponse status is Accepted', status === 'Accepted', { expected: 'Accepted', actual: status });
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { RenewChargingStationCertificate: renewChargingStationCertificate } });
