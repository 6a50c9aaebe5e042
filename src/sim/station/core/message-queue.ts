/**
 * The station's queue of transaction messages (Part 2 E13 / 1.6 §3.7): sent in order, kept
 * while offline or not Accepted, retried after attempts × interval, dropped after the last
 * attempt.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { CallOutcome, OcppEndpoint } from '../../../session/endpoint.js';

export interface QueuedMessage {
  action: string;
  /** Built when sent, so a 1.6 StopTransaction gets the transactionId its StartTransaction got back. */
  build(): JsonObject;
  onResult?(payload: JsonObject): void;
  attempts: number;
  /** Already answered once (the resends-answered-message defect sends it again). */
  answered?: boolean;
  /** Transaction it belongs to (GetTransactionStatus messagesInQueue). */
  txId?: string;
}

/**
 * A block's look at each transaction message before it is queued: return it (possibly changed,
 * for a defect) or undefined to drop it (a defect). Filters run in registration order.
 */
export type QueueFilter = (message: Omit<QueuedMessage, 'attempts'>) => Omit<QueuedMessage, 'attempts'> | undefined;

export interface QueueHost {
  endpoint(): OcppEndpoint | undefined;
  accepted(): boolean;
  messageTimeoutMs(): number;
  /** Total attempts and base interval (MessageAttempts / TransactionMessageAttempts …). */
  retryPolicy(): { attempts: number; intervalMs: number };
  /** The no-message-retry defect. */
  neverRetry(): boolean;
  /** The resends-answered-message defect. */
  resendsAnswered?(): boolean;
  sleep(ms: number): Promise<boolean>;
}

export class MessageQueue {
  private readonly items: QueuedMessage[] = [];
  private pumping = false;

  constructor(private readonly host: QueueHost) {}

  get length(): number {
    return this.items.length;
  }

  push(message: Omit<QueuedMessage, 'attempts'>): void {
    this.items.push({ ...message, attempts: 0 });
    void this.pump();
  }

  hasTx(txId: string): boolean {
    return this.items.some((m) => m.txId === txId);
  }

  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.items.length > 0) {
        const ep = this.host.endpoint();
        if (!ep || ep.closed || !this.host.accepted()) return;
        const head = this.items[0];
        if (!head) return;
        let out: CallOutcome;
        try {
          out = await ep.call(head.action, head.build(), { timeoutMs: this.host.messageTimeoutMs() });
        } catch {
          return;
        }
        if (out.status === 'closed') return;
        head.attempts++;
        const { attempts, intervalMs } = this.host.retryPolicy();
        if (out.status === 'result') {
          // The resends-answered-message defect: an answered message is sent again until its attempts are used up.
          if (this.host.resendsAnswered?.() && head.attempts < attempts) {
            if (!head.answered) head.onResult?.(out.payload);
            head.answered = true;
            await this.host.sleep(intervalMs * head.attempts);
            continue;
          }
          this.items.shift();
          if (!head.answered) head.onResult?.(out.payload);
          continue;
        }
        // Part 2 E13: retry after attempts × MessageAttemptInterval, give up after MessageAttempts.
        if (this.host.neverRetry() || head.attempts >= attempts) {
          this.items.shift();
          continue;
        }
        await this.host.sleep(intervalMs * head.attempts);
      }
    } finally {
      this.pumping = false;
    }
  }
}
