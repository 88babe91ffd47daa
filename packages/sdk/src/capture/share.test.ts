import type { Purpose } from '@fittingroom/protocol';
import { describe, expect, it } from 'vitest';
import type { ConsentAction, ConsentRecord, ConsentView } from '../consent/types.js';
import { shareDecision } from './share.js';

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
