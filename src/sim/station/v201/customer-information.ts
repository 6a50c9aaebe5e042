/**
 * Block N, customer information (Part 2 N09 get, N10 clear): a CustomerInformationRequest names the
 * customer by idToken, customerIdentifier or customerCertificate. With report the station sends
 * what it holds of that customer in NotifyCustomerInformation messages (one record a message,
 * seqNo 0, 1, … with tbc on all but the last; data "" when it holds nothing); with clear it then
 * removes that data: the Authorization Cache entry and a stored customerIdentifier, not the Local
 * Authorization List (that is the CSMS's to update, TC_N_46_CSMS). Clear without report sends one
 * message saying the data is cleared. A request naming no customer is Invalid.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { TokenInfo } from '../auth.js';
import type { Block201, Context201 } from './context.js';

/** NotifyCustomerInformationRequest.data maxLength (schema). */
const maxDataChars = 512;

const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);

function describe(where: string, idToken: string, info: TokenInfo): string {
  const expiry = info.expiresAtMs === undefined ? '' : `, expires ${new Date(info.expiresAtMs).toISOString()}`;
  return `${where}: idToken ${idToken} status ${info.status}${info.groupId === undefined ? '' : `, groupId ${info.groupId}`}${expiry}`;
}

class CustomerInformation {
  /** customerIdentifier → when it was stored (the tester stores it by hand, TC_N_62_CS). */
  private readonly identifiers = new Map<string, string>();

  constructor(private readonly ctx: Context201) {}

  store(customerIdentifier: string): void {
    this.identifiers.set(customerIdentifier, this.ctx.core.nowIso());
  }

  handle(call: InboundCall): JsonObject {
    const p = call.payload;
    const idToken = typeof obj(p['idToken'])?.['idToken'] === 'string' ? String(obj(p['idToken'])?.['idToken']) : undefined;
    const customerIdentifier = typeof p['customerIdentifier'] === 'string' ? p['customerIdentifier'] : undefined;
    const certificate = obj(p['customerCertificate']);
    const { core } = this.ctx;
    // Part 2 CustomerInformationStatusEnumType Invalid: the request names no customer.
    if (idToken === undefined && customerIdentifier === undefined && certificate === undefined && !core.has('customer-info-accepts-no-customer')) return { status: 'Invalid' };
    const requestId = Number(p['requestId']);
    const report = p['report'] === true;
    const clear = p['clear'] === true;
    const records = report ? this.records(idToken, customerIdentifier) : [];
    if (clear && !core.has('customer-info-clear-keeps-data')) this.clear(idToken, customerIdentifier);
    if (report || clear) {
      const parts = report ? (records.length === 0 || core.has('customer-info-empty-report') ? [''] : records) : ['Customer information cleared'];
      if (!core.has('customer-info-no-notify')) call.after(() => this.notify(requestId, parts));
    }
    return { status: 'Accepted' };
  }

  private records(idToken: string | undefined, customerIdentifier: string | undefined): string[] {
    const out: string[] = [];
    if (idToken !== undefined) {
      const cached = this.ctx.authCache.peek(idToken);
      if (cached) out.push(describe('Authorization Cache', idToken, cached));
      const listed = this.ctx.core.auth.localListEntry(idToken);
      if (listed) out.push(describe('Local Authorization List', idToken, listed));
    }
    if (customerIdentifier !== undefined) {
      const since = this.identifiers.get(customerIdentifier);
      if (since !== undefined) out.push(`customerIdentifier ${customerIdentifier}, stored ${since}`);
    }
    return out.map((r) => r.slice(0, maxDataChars));
  }

  private clear(idToken: string | undefined, customerIdentifier: string | undefined): void {
    if (idToken !== undefined) this.ctx.authCache.forget(idToken);
    if (customerIdentifier !== undefined) this.identifiers.delete(customerIdentifier);
  }

  private async notify(requestId: number, parts: readonly string[]): Promise<void> {
    const generatedAt = this.ctx.core.nowIso();
    for (const [seqNo, data] of parts.entries()) {
      const last = seqNo === parts.length - 1;
      await this.ctx.core.send('NotifyCustomerInformation', { data, seqNo, generatedAt, requestId, ...(last ? {} : { tbc: true }) });
    }
  }
}

export const customerInformation: Block201 = {
  name: 'customer-information',
  defects: [
    { name: 'customer-info-no-notify', description: 'answers CustomerInformation Accepted but never sends NotifyCustomerInformation' },
    { name: 'customer-info-empty-report', description: 'reports customer information it holds as empty data' },
    { name: 'customer-info-accepts-no-customer', description: 'answers a CustomerInformationRequest that names no customer (no idToken, customerIdentifier or customerCertificate) with Accepted instead of Invalid' },
    { name: 'customer-info-clear-keeps-data', description: 'answers a CustomerInformation clear Accepted but keeps the customer data' },
  ],
  create: (ctx) => {
    const info = new CustomerInformation(ctx);
    return {
      handlers: { CustomerInformation: (call) => info.handle(call) },
      actions: {
        // Part 6 TC_N_62_CS memory state: the tester stores the customerIdentifier at the station by hand.
        storeCustomerIdentifier: (params) => {
          const id = params['customerIdentifier'];
          if (typeof id !== 'string' || id === '') return Promise.resolve({ done: false, reason: 'storeCustomerIdentifier needs params.customerIdentifier' });
          info.store(id);
          return Promise.resolve({ done: true, detail: `stored customerIdentifier ${id}` });
        },
      },
    };
  },
};
