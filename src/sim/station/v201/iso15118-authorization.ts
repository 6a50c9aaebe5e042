/**
 * Block C, ISO 15118 Plug & Charge authorization (Part 2 C07): the connected EV offers its contract
 * certificate. With an installed MO root that signed it (InstallCertificate, kept here until block
 * M has its own module) the station validates it locally and sends its iso15118CertificateHashData
 * in an AuthorizeRequest (idToken type eMAID); offline it starts only with ContractValidationOffline
 * (C07.FR.07-12). Without a root, and with CentralContractValidationAllowed, it sends the whole
 * certificate for the CSMS to validate (C07.FR.06); otherwise it refuses.
 */
import { X509Certificate } from 'node:crypto';
import { certificateHashData } from '../../../protocol/certificate-hash-data.js';
import type { JsonObject } from '../../../protocol/frames.js';
import type { Block201, Context201 } from './context.js';
import type { Evse } from './evse.js';
import { v } from '../device-model-data.js';
import { contractEmaid, contractHashData, contractLeafPem } from './contract-certificate.js';

const rootTypes = ['V2GRootCertificate', 'MORootCertificate', 'CSMSRootCertificate', 'ManufacturerRootCertificate'];

const ctrlr = 'ISO15118Ctrlr';

export const iso15118Authorization: Block201 = {
  name: 'iso15118-authorization',
  variables: [
    v({ component: ctrlr, variable: 'PnCEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'CentralContractValidationAllowed', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: ctrlr, variable: 'ContractValidationOffline', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: ctrlr, variable: 'ContractCertificateInstallationEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'V2GCertificateInstallationEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'SeccId', dataType: 'string', mutability: 'ReadWrite', value: 'OCPPCONFORMSECC1' }),
    v({ component: ctrlr, variable: 'CountryName', dataType: 'string', mutability: 'ReadWrite', value: 'NL' }),
    v({ component: ctrlr, variable: 'OrganizationName', dataType: 'string', mutability: 'ReadWrite', value: 'org.ocpp-conform' }),
  ],
  defects: [
    { name: 'pnc-authorize-without-certificate', description: 'central contract validation: the AuthorizeRequest carries the eMAID but not the contract certificate' },
    { name: 'pnc-local-no-hash-data', description: 'local contract validation: the AuthorizeRequest carries the eMAID but no iso15118CertificateHashData' },
    { name: 'pnc-no-offline-contract-validation', description: 'offline, refuses a locally valid contract although ISO15118Ctrlr.ContractValidationOffline is true' },
    { name: 'pnc-offline-ignores-contract-setting', description: 'offline, starts on a locally valid contract although ISO15118Ctrlr.ContractValidationOffline is false' },
    { name: 'pnc-charges-after-rejected-contract', description: 'starts charging for a contract certificate the CSMS answered Invalid / not Accepted' },
    { name: 'drops-old-csms-root', description: 'installing a new CSMSRootCertificate removes the CSMS root installed before, so there is no fallback root (Part 2 M05.FR.15/16)' },
  ],
  create: (ctx) => {
    // Installed certificates by type; in the block's memory, so they survive a reboot.
    const installed = new Map<string, X509Certificate[]>();
    // Over TLS the root the station was started with (options.tls.ca) is its installed CSMS root.
    const startedCa = ctx.core.options.tls?.ca;
    const startedRoots = (Array.isArray(startedCa) ? startedCa : startedCa === undefined ? [] : [startedCa]).filter((pem) => pem.includes('-----BEGIN CERTIFICATE-----'));
    if (startedRoots.length > 0) installed.set('CSMSRootCertificate', startedRoots.map((pem) => new X509Certificate(pem)));
    return {
      provides: { certificates: { installed: (type) => (installed.get(type) ?? []).map((c) => c.toString()) } },
      handlers: {
        InstallCertificate: (call) => {
          const type = typeof call.payload['certificateType'] === 'string' ? call.payload['certificateType'] : '';
          const pem = typeof call.payload['certificate'] === 'string' ? call.payload['certificate'] : '';
          if (!rootTypes.includes(type)) return { status: 'Rejected' };
          try {
            const kept = type === 'CSMSRootCertificate' && ctx.core.has('drops-old-csms-root') ? [] : (installed.get(type) ?? []);
            installed.set(type, [...kept, new X509Certificate(pem)]);
            return { status: 'Accepted' };
          } catch {
            return { status: 'Rejected' };
          }
        },
        // Part 2 M03: the hash data of every installed certificate of the asked types (all types when none asked).
        GetInstalledCertificateIds: (call) => {
          const asked = Array.isArray(call.payload['certificateType']) ? (call.payload['certificateType'] as unknown[]).map(String) : rootTypes;
          const chain = asked.flatMap((type) => (installed.get(type) ?? []).map((c) => ({ certificateType: type, certificateHashData: { ...certificateHashData(c.toString()) } })));
          return chain.length === 0 ? { status: 'NotFound' } : { status: 'Accepted', certificateHashDataChain: chain };
        },
        // The installed certificate with that serial number goes (the simulator does not re-derive the issuer hashes: no ASN.1 parser here).
        DeleteCertificate: (call) => {
          const hash = call.payload['certificateHashData'] as { serialNumber?: unknown } | undefined;
          const serial = typeof hash?.serialNumber === 'string' ? hash.serialNumber.replace(/^0+/, '').toUpperCase() : '';
          let found = false;
          for (const [type, certs] of installed) {
            const kept = certs.filter((c) => c.serialNumber.replace(/^0+/, '').toUpperCase() !== serial);
            if (kept.length !== certs.length) found = true;
            installed.set(type, kept);
          }
          return { status: found ? 'Accepted' : 'NotFound' };
        },
      },
      actions: {
        presentContractCertificate: async (_params, { evse }) => {
          const { core, deviceModel } = ctx;
          if (!deviceModel.bool(ctrlr, 'PnCEnabled')) return { done: true, detail: 'PnC disabled: the EV falls back to external identification' };
          if (!evse.outlet.cableConnected) return { done: false, reason: 'no EV is connected at this EVSE' };
          const leaf = new X509Certificate(contractLeafPem);
          const now = core.clock.wallMs();
          const local = (installed.get('MORootCertificate') ?? []).some((root) => leaf.checkIssued(root) && leaf.verify(root.publicKey) && Date.parse(leaf.validFrom) <= now && now <= Date.parse(leaf.validTo));
          if (local && !core.online) {
            const allowed = deviceModel.bool(ctrlr, 'ContractValidationOffline') ? !core.has('pnc-no-offline-contract-validation') : core.has('pnc-offline-ignores-contract-setting');
            if (!allowed) return { done: true, detail: 'Rejected: offline, the contract is not validated offline' };
            start(ctx, evse);
            return { done: true, detail: 'Accepted offline (local contract validation)' };
          }
          if (!core.online) return { done: true, detail: 'Rejected: offline, the contract cannot be validated' };
          const idToken = { idToken: contractEmaid, type: 'eMAID' };
          let payload: JsonObject;
          if (local) payload = { idToken, ...(core.has('pnc-local-no-hash-data') ? {} : { iso15118CertificateHashData: [{ ...contractHashData }] }) };
          else if (deviceModel.bool(ctrlr, 'CentralContractValidationAllowed')) payload = { idToken, ...(core.has('pnc-authorize-without-certificate') ? {} : { certificate: contractLeafPem }) };
          else return { done: true, detail: 'Rejected: the contract cannot be validated' };
          const out = await core.send('Authorize', payload);
          const info = out?.status === 'result' ? (out.payload['idTokenInfo'] as { status?: unknown } | undefined) : undefined;
          const certificateStatus = out?.status === 'result' ? out.payload['certificateStatus'] : undefined;
          const accepted = info?.status === 'Accepted' && (certificateStatus === undefined || certificateStatus === 'Accepted');
          if (!accepted && !core.has('pnc-charges-after-rejected-contract')) return { done: true, detail: `Rejected: ${typeof info?.status === 'string' ? info.status : 'no answer'}` };
          start(ctx, evse);
          return { done: true, detail: 'Accepted' };
        },
      },
    };
  },
};

function start(ctx: Context201, evse: Evse): void {
  ctx.transactions.authorizeEvse(evse, { idToken: { idToken: contractEmaid, type: 'eMAID' } }, 'Authorized');
}
