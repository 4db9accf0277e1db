// The port through which the delivery worker asks, just before sending a private delivery
// (outbox.ts, `PrivateDelivery`), whether its recipient may still receive it. Scheduling knows
// nothing of flags or plans: app.ts passes the access policy's answer in
// (src/access/private-delivery.ts). A row whose recipient may not is dropped, never sent, and
// the drop is audited (outbox-store.ts, dropUndeliverable).
import type { PrivateKind } from './outbox.ts';

export interface PrivateDeliveryRequest {
  readonly kind: PrivateKind;
  /** The row it is about: a flag, a plan share, a check-in answer. */
  readonly subjectId: string;
  /** The member whose private text it is. */
  readonly aboutMemberId: string;
  /** Who would receive it; null for a row written without one (then: never). */
  readonly recipientMemberId: string | null;
  readonly teamId: string | null;
}

export interface PrivateDeliveryCheck {
  mayReceive(request: PrivateDeliveryRequest): Promise<boolean>;
}

/** No policy wired (a worker made without one): nothing private goes out. */
export const refuseAllPrivateDeliveries: PrivateDeliveryCheck = { mayReceive: async () => false };
