/**
 * OCPP 1.6 TC_016_CS — Soft Reset With Transaction (OCTT 1.6 document §2.6.4): Reset.req Soft while
 * charging; the charge point stops the transaction (reason SoftReset, 1.6 §5.14, §7.36) and
 * restarts. The flow is in ./reset-with-transaction.ts.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { resetWithTransaction } from './reset-with-transaction.js';

export default defineTestCase({
  id: 'TC_016_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Resetting Happy Flow',
  title: 'Soft Reset With Transaction',
  useCases: ['Reset', 'Stop Transaction', 'Boot Notification', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.14', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted', 'Charging'],
  validations: [
    { step: 2, checks: 'Reset.conf status Accepted' },
    { step: 3, checks: 'StopTransaction.req of the ongoing transaction, reason SoftReset' },
    { step: 5, checks: 'StatusNotification.req Finishing' },
    { step: 9, checks: 'after the reboot: the connector of the transaction Finishing or Preparing, the others (and connector 0) Available' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_016_CS step 1 validates an own message of the Central System (Reset.req type Soft); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 8, reason: 'OCTT 1.6 document TC_016_CS step 8 validates an own message of the Central System (BootNotification.conf status Accepted); the harness answers every BootNotification so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['wrong-stop-reason', 'reset-without-reboot', 'reset-no-finishing-status'],
  async run(ctx) {
    await resetWithTransaction(ctx, 'Soft');
  },
});
