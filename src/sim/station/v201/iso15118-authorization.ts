/**
 * Block C, ISO 15118 Plug & Charge authorization (Part 2 C07): the connected EV offers its contract
 * certificate; the station cannot validate it locally (no MO root is installed: InstallCertificate
 * is not built in this simulator yet), so with ISO15118Ctrlr.CentralContractValidationAllowed it
 * sends the whole certificate to the CSMS in an AuthorizeRequest (idToken type eMAID) and follows
 * the answer; without it, and offline, it refuses (C07.FR.06 / C07.FR.07 with ContractValidationOffline false).
 */
import type { Block201 } from './context.js';
import { v } from '../device-model-data.js';
import { contractEmaid, contractLeafPem } from './contract-certificate.js';

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
    { name: 'pnc-charges-after-rejected-contract', description: 'starts charging for a contract certificate the CSMS answered Invalid / not Accepted' },
  ],
  create: (ctx) => ({
    actions: {
      presentContractCertificate: async (_params, { evse }) => {
        const { core, deviceModel } = ctx;
        if (!deviceModel.bool(ctrlr, 'PnCEnabled')) return { done: true, detail: 'PnC disabled: the EV falls back to external identification' };
        if (!evse.outlet.cableConnected) return { done: false, reason: 'no EV is connected at this EVSE' };
        const idToken = { idToken: contractEmaid, type: 'eMAID' };
        if (!core.online || !deviceModel.bool(ctrlr, 'CentralContractValidationAllowed')) return { done: true, detail: 'Rejected: the contract cannot be validated' };
        const out = await core.send('Authorize', { idToken, ...(core.has('pnc-authorize-without-certificate') ? {} : { certificate: contractLeafPem }) });
        const info = out?.status === 'result' ? (out.payload['idTokenInfo'] as { status?: unknown } | undefined) : undefined;
        const accepted = info?.status === 'Accepted' && (out?.status !== 'result' || out.payload['certificateStatus'] === undefined || out.payload['certificateStatus'] === 'Accepted');
        if (!accepted && !core.has('pnc-charges-after-rejected-contract')) return { done: true, detail: `Rejected: ${typeof info?.status === 'string' ? info.status : 'no answer'}` };
        ctx.transactions.authorizeEvse(evse, { idToken }, 'Authorized');
        return { done: true, detail: 'Accepted' };
      },
    },
  }),
};
