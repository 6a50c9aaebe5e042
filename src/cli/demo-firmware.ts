/**
 * The demo's firmware signing material (block L, 1.6 secure firmware): made per harness/simulator
 * pair by src/security, handed to the cases as configured values (config `extra`, the keys a lab
 * sets for its own station) and to the station simulator as its factory-installed manufacturer root.
 */
import { createFirmwareSigning } from '../security/firmware-signing.js';

export interface DemoFirmware {
  /** Configured values for the cases (`extra`). */
  extra: Record<string, string>;
  /** The station simulator's ManufacturerRootCertificates. */
  firmwareRoots: string[];
}

export function demoFirmware(): DemoFirmware {
  const f = createFirmwareSigning();
  return {
    extra: {
      firmwareImage: f.image.toString('base64'),
      firmwareSigningCertificate: f.signingCertificatePem,
      firmwareSignature: f.signature,
      firmwareInvalidSigningCertificate: f.untrustedSigningCertificatePem,
      firmwareExpiredSigningCertificate: f.expiredSigningCertificatePem,
      firmwareInvalidSignature: f.invalidSignature,
      // One firmware step (download, installation) of the simulator takes about 2 s.
      firmwareStepTimeoutS: '6',
      // Scheduled downloads (TC_L_03_CS) 1 s ahead; installations (TC_L_02_CS) 3 s, after the ~2 s download.
      firmwareDownloadOffsetS: '1',
      firmwareInstallOffsetS: '3',
    },
    firmwareRoots: [f.manufacturerRootPem],
  };
}
