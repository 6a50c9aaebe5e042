/**
 * OCPP 1.6 TC_044_3_CSMS — Firmware Update - Installation Failed. OCTT 1.6 document §3.15.3; OCPP
 * 1.6 §5.19, §7.25: as TC_044_1_CSMS, but the installation fails: after the reboot the harness (as
 * Charge Point) reports InstallationFailed; the Central System answers every message.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { downloadAndInstall, installValidations } from './install.js';

export default defineTestCase({
  id: 'TC_044_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'FirmwareManagement',
  title: 'Firmware Update - Installation Failed',
  useCases: ['Update Firmware'],
  requirements: ['OCPP 1.6 §5.19', 'OCPP 1.6 §4.5', 'OCPP 1.6 §7.25'],
  certification: [{ profile: 'Firmware Management', need: 'M' }],
  states: ['Booted'],
  validations: installValidations('InstallationFailed'),
  detects: ['firmware-status-notification-error'],
  run: (ctx) => downloadAndInstall(ctx, 'InstallationFailed'),
});
