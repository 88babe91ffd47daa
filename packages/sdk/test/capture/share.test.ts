import type { Purpose } from '@fittingroom/protocol';
import { describe, expect, it, vi } from 'vitest';
import { shareCapture, shareDecision } from '../../src/capture/share.js';
import type { ConsentAction, ConsentRecord, ConsentView } from '../../src/consent/types.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function view(
  action: ConsentAction | null,
  purposes: Purpose[],
  expired = false,
): Pick<ConsentView, 'record' | 'allows'> {
  const record: ConsentRecord | null = action && {
    id: '00000000-0000-4000-8000-000000000001',
    action,
    policyVersion: '2026-01',
    purposes: action === 'grant' ? purposes : [],
    refused: [],
    timestamp: '2026-03-01T11:00:00Z',
    locale: 'en',
    noticeHash: 'a'.repeat(64),
    method: 'button',
    expiresAt: expired ? '2026-03-01T11:30:00Z' : '2026-09-01T00:00:00Z',
  };
  return {
    record,
    allows: (purpose, now = new Date()) =>
      record !== null &&
      record.action === 'grant' &&
      record.purposes.includes(purpose) &&
      now.getTime() < Date.parse(record.expiresAt),
  };
}

describe('shareDecision', () => {
  it('uploads when upload consent is in force', () => {
    expect(shareDecision(view('grant', ['camera', 'upload']), NOW)).toBe('upload');
  });

  it('asks for upload consent in a camera session that has not granted it', () => {
    expect(shareDecision(view('grant', ['camera']), NOW)).toBe('ask-upload-consent');
  });

  it('refuses without a record, after a refusal or withdrawal, or once the grant expired', () => {
    expect(shareDecision(view(null, []), NOW)).toBe('refused');
    expect(shareDecision(view('refuse', []), NOW)).toBe('refused');
    expect(shareDecision(view('withdraw', []), NOW)).toBe('refused');
    expect(shareDecision(view('grant', ['camera', 'upload'], true), NOW)).toBe('refused');
  });

  it('judges at the given time, not the clock', () => {
    const grant = view('grant', ['camera', 'upload'], true); // expired 11:30
    expect(shareDecision(grant, new Date('2026-03-01T11:15:00Z'))).toBe('upload');
  });
});

describe('shareCapture', () => {
  const blob = new Blob([new Uint8Array([1])], { type: 'image/jpeg' });

  /** A consent view whose purposes change when the shopper answers the prompt. */
  function session(initial: Purpose[], answer: Purpose[] | 'withdraw') {
    let current = view('grant', initial);
    const ask = vi.fn(async () => {
      current = answer === 'withdraw' ? view('withdraw', []) : view('grant', answer);
    });
    const consent = {
      get record() {
        return current.record;
      },
      allows: (p: Purpose, now?: Date) => current.allows(p, now),
    };
    const upload = vi.fn(async (b: Blob) => `sent ${b.size}`);
    return {
      consent,
      ask,
      upload,
      deps: { consent, askUploadConsent: ask, upload, now: () => NOW },
    };
  }

  it('uploads straight away with upload consent', async () => {
    const s = session(['camera', 'upload'], []);
    expect(await shareCapture(blob, s.deps)).toEqual({ status: 'uploaded', result: 'sent 1' });
    expect(s.ask).not.toHaveBeenCalled();
  });

  it('asks first, then uploads once the shopper grants upload', async () => {
    const s = session(['camera'], ['camera', 'upload']);
    expect(await shareCapture(blob, s.deps)).toEqual({ status: 'uploaded', result: 'sent 1' });
    expect(s.ask).toHaveBeenCalledOnce();
    expect(s.ask.mock.invocationCallOrder[0]!).toBeLessThan(s.upload.mock.invocationCallOrder[0]!);
  });

  it('never uploads when the shopper declines or withdraws in the prompt', async () => {
    const declined = session(['camera'], ['camera']);
    expect(await shareCapture(blob, declined.deps)).toEqual({ status: 'declined' });
    const withdrawn = session(['camera'], 'withdraw');
    expect(await shareCapture(blob, withdrawn.deps)).toEqual({ status: 'refused' });
    expect(declined.upload).not.toHaveBeenCalled();
    expect(withdrawn.upload).not.toHaveBeenCalled();
  });

  it('neither asks nor uploads without a camera session', async () => {
    const ask = vi.fn(async () => {});
    const upload = vi.fn(async () => 'x');
    const out = await shareCapture(blob, {
      consent: view('withdraw', []),
      askUploadConsent: ask,
      upload,
      now: () => NOW,
    });
    expect(out).toEqual({ status: 'refused' });
    expect(ask).not.toHaveBeenCalled();
    expect(upload).not.toHaveBeenCalled();
  });
});
