// The privacy console's browser part: a thin client of /v1/retailer (and the public /v1/policy).
// The credential lives in this module's memory only and goes out as a bearer header on
// same-origin fetches; nothing is stored, no cookie exists, and everything shown is set as text.
import {
  formatAge,
  formatExpiry,
  formatTime,
  photosEmptyHint,
  photosSummary,
  verdictText,
} from './format.js';
import type { AuditPage, Endpoint, Erasure, Policy, Session, Subject, Upload } from './types.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
};

let credential: string | null = null;
let mode: 'live' | 'test' = 'live';

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string): Promise<T> {
  const headers: Record<string, string> = {
    'x-fittingroom-console': '1',
    'x-fittingroom-mode': mode,
  };
  if (credential !== null) headers.authorization = `Bearer ${encodeURIComponent(credential)}`;
  const res = await fetch(path, { method, headers, credentials: 'omit', cache: 'no-store' });
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    throw new ApiError(res.status, message ?? `The server answered ${res.status}.`);
  }
  return body as T;
}

function cell(row: HTMLTableRowElement, text: string, className = ''): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function say(text: string): void {
  $('status').textContent = text;
}

async function showPhotos(): Promise<void> {
  const page = await api<{ uploads: Upload[] }>('GET', '/v1/retailer/uploads?limit=100');
  const body = $<HTMLTableElement>('photos').tBodies[0]!;
  body.replaceChildren();
  const now = Date.now();
  for (const upload of page.uploads) {
    const row = body.insertRow();
    cell(row, upload.productId);
    cell(row, formatAge(upload.storedAt, now));
    cell(row, formatExpiry(upload.expiresAt, now));
    cell(row, upload.status);
    cell(row, upload.consentReceiptId, 'id');
  }
  const empty = page.uploads.length === 0;
  // One of the two says how many: the line above the table, or the empty state instead of it.
  $('photos-summary').textContent = empty ? '' : photosSummary(page.uploads.length, mode);
  $('photos-empty-title').textContent = empty ? photosSummary(0, mode) : '';
  $('photos-empty-hint').textContent = photosEmptyHint(mode);
  $('photos-empty').hidden = !empty;
  $('photos-summary').hidden = empty;
  $('photos-scroll').hidden = empty;
}

async function showRetention(): Promise<void> {
  const policy = (await (await fetch('/v1/policy', { credentials: 'omit' })).json()) as Policy;
  const facts: [string, string][] = [
    ['Shared photos are kept', `${policy.retentionDays} days, then destroyed`],
    ['Test-mode data is kept', `${policy.testDataHours} hours`],
    ['A consent lasts at most', `${policy.consentMaxDays} days`],
    [
      'Expired data is swept every',
      `${policy.sweepMinutes} minute${policy.sweepMinutes === 1 ? '' : 's'}`,
    ],
    ['Stored in', policy.storageLocation],
    ['Controller', `${policy.controller} (${policy.contact})`],
  ];
  $('retention').replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

async function showAudit(): Promise<void> {
  const page = await api<AuditPage>('GET', '/v1/retailer/audit');
  const verdict = $('audit-verdict');
  verdict.textContent = verdictText(page);
  verdict.dataset.ok = String(page.verdict.ok);
  const body = $<HTMLTableElement>('audit').tBodies[0]!;
  body.replaceChildren();
  for (const event of page.events.slice(0, 50)) {
    const row = body.insertRow();
    cell(row, formatTime(event.at));
    cell(row, event.type);
    cell(row, event.keyId ?? '—', 'id');
    cell(row, event.subjectId ? `${event.subjectId.slice(0, 8)}…` : '—', 'id');
  }
}

async function showWebhooks(): Promise<void> {
  const { endpoints } = await api<{ endpoints: Endpoint[] }>('GET', '/v1/retailer/webhooks');
  const body = $<HTMLTableElement>('webhooks').tBodies[0]!;
  body.replaceChildren();
  for (const endpoint of endpoints) {
    const row = body.insertRow();
    cell(row, endpoint.url, 'id');
    cell(row, endpoint.source === 'config' ? 'FR_WEBHOOK_URLS' : 'API');
    const last = endpoint.lastDeliveryAt
      ? `last ${formatAge(endpoint.lastDeliveryAt, Date.now())}`
      : 'none yet';
    const error = endpoint.lastError ? `, last error: ${endpoint.lastError}` : '';
    cell(row, `${endpoint.pending} pending, ${endpoint.failed} failed, ${last}${error}`);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Send test event';
    button.setAttribute('aria-label', `Send test event to ${endpoint.url}`);
    button.addEventListener('click', () => void sendTest(endpoint.id, button));
    row.insertCell().append(button);
  }
  $('webhooks-scroll').hidden = endpoints.length === 0;
  $('webhooks-summary').textContent =
    endpoints.length === 0
      ? `No ${mode}-mode endpoints: set FR_WEBHOOK_URLS or register one with POST /v1/retailer/webhooks.`
      : `${endpoints.length} ${mode}-mode endpoint${endpoints.length === 1 ? '' : 's'}.`;
}

async function sendTest(id: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const answer = await api<{ eventId: string }>(
      'POST',
      `/v1/retailer/webhooks/${encodeURIComponent(id)}/test`,
    );
    say(`Test event ${answer.eventId} sent.`);
    await showWebhooks();
  } catch (error) {
    say(`The test event failed: ${(error as Error).message}`);
  } finally {
    button.disabled = false;
  }
}

function subjectSummary(subject: Subject): string {
  const photos = subject.uploads.length;
  const consents = subject.consents.length;
  return `Subject ${subject.subjectId}${subject.test ? ' (test)' : ''}: ${photos} shared photo${photos === 1 ? '' : 's'}, ${consents} consent${consents === 1 ? '' : 's'}, since ${formatTime(subject.createdAt)}.`;
}

async function lookUp(receiptId: string): Promise<void> {
  const out = $('subject');
  out.replaceChildren();
  const p = document.createElement('p');
  out.append(p);
  try {
    const subject = await api<Subject>(
      'GET',
      `/v1/retailer/subjects/by-receipt/${encodeURIComponent(receiptId)}`,
    );
    p.textContent = subjectSummary(subject);
    const erase = document.createElement('button');
    erase.type = 'button';
    erase.className = 'danger';
    erase.textContent = 'Erase this subject';
    erase.addEventListener('click', () => void eraseSubject(receiptId, p, erase));
    out.append(erase);
  } catch (error) {
    p.textContent =
      error instanceof ApiError && error.status === 404
        ? 'No subject with this receipt id (in this mode).'
        : (error as Error).message;
  }
}

async function eraseSubject(
  receiptId: string,
  p: HTMLElement,
  button: HTMLButtonElement,
): Promise<void> {
  button.disabled = true;
  try {
    const erased = await api<Erasure>(
      'DELETE',
      `/v1/retailer/subjects/by-receipt/${encodeURIComponent(receiptId)}`,
    );
    button.remove();
    p.textContent = `Erased subject ${erased.subjectId}: ${erased.uploadIds.length} photo(s) and ${erased.receiptIds.length} consent(s). Your webhook endpoints get subject.erased with these ids; delete your own copies.`;
    await Promise.all([showPhotos(), showAudit()]);
  } catch (error) {
    button.disabled = false;
    p.textContent = `Erasure failed: ${(error as Error).message}`;
  }
}

async function refresh(): Promise<void> {
  say('Loading…');
  try {
    await Promise.all([showPhotos(), showRetention(), showAudit(), showWebhooks()]);
    say(`Showing ${mode} data.`);
  } catch (error) {
    say((error as Error).message);
  }
}

function setSignedIn(session: Session | null): void {
  $('sign-in').hidden = session !== null;
  $('signed-in').hidden = session === null;
  $('who').hidden = session === null;
  if (!session) return;
  $('signed-in-as').textContent = `Signed in as ${session.keyId}`;
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name=mode]')) {
    input.checked = input.value === session.mode;
    input.disabled = !session.modes.includes(input.value as 'live' | 'test');
  }
  $('photos-title').focus();
}

async function signIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const input = $<HTMLInputElement>('credential');
  const error = $('sign-in-error');
  error.textContent = '';
  credential = input.value.trim();
  try {
    const session = await api<Session>('GET', '/v1/retailer/session');
    mode = session.mode;
    input.value = '';
    setSignedIn(session);
    await refresh();
  } catch (thrown) {
    credential = null;
    error.textContent = (thrown as Error).message;
    input.focus();
  }
}

function start(): void {
  $('photos-title').tabIndex = -1;
  $<HTMLFormElement>('sign-in-form').addEventListener('submit', (e) => void signIn(e));
  $('sign-out').addEventListener('click', () => {
    credential = null;
    $('subject').replaceChildren();
    setSignedIn(null);
    $('credential').focus();
  });
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name=mode]')) {
    input.addEventListener('change', () => {
      mode = input.value === 'test' ? 'test' : 'live';
      $('subject').replaceChildren();
      void refresh();
    });
  }
  $<HTMLFormElement>('subject-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const receiptId = $<HTMLInputElement>('receipt-id').value.trim();
    if (receiptId) void lookUp(receiptId);
  });
}

start();
