/**
 * OCPP 1.6 TC_013_CS — Hard Reset Without transaction. Derived from OCPP 1.6 edition 2 §5.14
 * (Reset.conf says whether the charge point will reset; a hard reset restarts the hardware) and
 * §4.2 / errata v4.0 §3.22 (a BootNotification.req after every reboot, then the connectors'
 * status), in the shape of 2.0.1 Part 6 TC_B_21_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { resetWithoutTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_013_CS',
  version: '1.6',
  sut: 'cs',
  block: '06 Resetting (Happy Flow)',
  title: 'Hard Reset Without transaction',
  useCases: ['Reset', 'Boot Notification'],
  requirements: ['OCPP 1.6 §5.14', 'OCPP 1.6 §4.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['reset-without-reboot'],
  run: (ctx) => resetWithoutTransaction(ctx, 'Hard'),
});
