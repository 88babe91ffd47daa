// What the console reads from the server (the shapes of packages/protocol, restated for the
// browser, which loads no package code).

export interface Session {
  readonly keyId: string;
  readonly mode: 'live' | 'test';
  readonly modes: readonly ('live' | 'test')[];
}

export interface Upload {
  readonly uploadId: string;
  readonly productId: string;
  readonly consentReceiptId: string;
  readonly storedAt: string;
  readonly expiresAt: string;
  readonly status: string;
}

export interface Subject {
  readonly subjectId: string;
  readonly createdAt: string;
  readonly test?: true;
  readonly consents: readonly unknown[];
  readonly uploads: readonly Upload[];
}

export interface Erasure {
  readonly subjectId: string;
  readonly uploadIds: readonly string[];
  readonly receiptIds: readonly string[];
}

export interface Endpoint {
  readonly id: string;
  readonly url: string;
  readonly source: 'config' | 'api';
  readonly pending: number;
  readonly failed: number;
  readonly lastDeliveryAt?: string;
  readonly lastError?: string;
}

export interface Policy {
  readonly controller: string;
  readonly contact: string;
  readonly storageLocation: string;
  readonly retentionDays: number;
  readonly testDataHours: number;
  readonly consentMaxDays: number;
  readonly sweepMinutes: number;
}

export interface AuditPage {
  readonly total: number;
  readonly verdict: {
    readonly ok: boolean;
    readonly problems: readonly { readonly line: number; readonly problem: string }[];
    readonly chains: readonly { readonly chain: string; readonly lines: number }[];
  };
  readonly events: readonly {
    readonly at: string;
    readonly type: string;
    readonly keyId?: string;
    readonly subjectId?: string;
  }[];
}
