// OCPP 2.0.1 Part 6 §2.1, TC_A_15_CS: the station accepts the trigger and sends its CSR; the CSMS
// rejects the SignCertificate. Only the TriggerMessage answer is validated.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answerSignCertificate, triggerSigning } from './certificate-signing.js';

export default defineTestCase({
  id: 'TC_A_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'A',
  title: 'Update Charging Station Certificate by request of CSMS - SignCertificateRequest Rejected',
  useCases: ['A02'],
  certification: [{ profile: 'Advanced Security', need: 'M' }],
  securityProfiles: [3],
  validations: [{ step: 2, checks: 'TriggerMessageResponse status Accepted' }],
  detects: ['trigger-sign-certificate-rejected'],
  async run(ctx) {
    answerSignCertificate(ctx, 'Rejected');
    if (!(await triggerSigning(ctx, 2))) return;
    await ctx.step('Steps 3-4: the station sends SignCertificate; the harness answers Rejected', async () => {
      await ctx.expectCall('SignCertificate');
    });
  },
});
