import type { Purpose } from '@fittingroom/protocol';
import { createEmitter } from '../emitter.js';
import { FittingRoomError } from '../errors.js';
import {
  format,
  loadLocale,
  matchLocale,
  pageLocaleCandidates,
  resolveLocale,
  stringsFor,
} from '../i18n/index.js';
import { createConsentDialog } from '../ui/consent-dialog/dialog.js';
import type { Consent, ConsentEvents, ConsentResult } from './api.js';
import { buildNotice, noticeText, placeholders, sha256Hex } from './notice.js';
import { type ConsentOptions, validateOptions, validatePurposes } from './options.js';
import { type ConsentPolicy, resolvePolicy } from './policy.js';
import type { ConsentPrompt, ConsentUi } from './prompt.js';
import { createRecord, parseRecords, toReceipt } from './record.js';
import * as rules from './rules.js';
import { readBrowserSignals } from './signals.js';
import { idbConsentStore } from './store.js';
import type { ConsentAction, ConsentRecord, WithdrawalEvent } from './types.js';

/**
 * Creates the consent controller for a retailer policy. Validates everything up front and
 * touches no storage, camera or network: records are read (never created) on first use and
 * written only when the shopper acts.
 * @throws ConfigError naming the field at fault (`policy.controller.name`, `options.locale`…).
 */
export function createConsent(policyInput: ConsentPolicy, optionsInput?: ConsentOptions): Consent {
  const policy = resolvePolicy(policyInput);
  const options = validateOptions(optionsInput);
  const store = options.store ?? idbConsentStore();
  const now = options.now ?? (() => new Date());
  const signals = options.signals ?? (() => readBrowserSignals());
  const randomId = options.randomId ?? (() => crypto.randomUUID());
  const overrides = options.strings ?? {};
  const locale = resolveLocale([options.locale, ...(options.locale ? [] : pageLocaleCandidates())]);
  let strings = stringsFor(locale, overrides);
  let values = placeholders(policy, strings);
  const emitter = createEmitter<ConsentEvents>({
    onListenerError: (cause) =>
      emitter.emit(
        'error',
        new FittingRoomError('consent_listener_failed', 'A consent listener threw.', { cause }),
      ),
  });

  let log: ConsentRecord[] = [];
  /** Records kept in storage (loaded or appended); refusals alone never create storage. */
  let onDevice = 0;
  let hashes: ReadonlyMap<string, string> = new Map();
  let withdrawHash = '';
  let loaded = false;
  let loading: Promise<void> | null = null;
  let age: rules.AgeAnswer = 'unknown';
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  let active: AbortController | null = null;
  let defaultUi: ConsentUi | null = null;

  const ctx = (at: Date = now()): rules.RuleContext => ({
    policy,
    now: at,
    signals: signals(),
    noticeHashes: hashes,
  });
  const stringsOf = (tag: string) => stringsFor(matchLocale(tag) ?? 'en', overrides);

  async function load(): Promise<void> {
    if (!globalThis.crypto?.subtle) {
      throw new FittingRoomError(
        'consent_insecure_context',
        'Consent needs a secure context (https).',
      );
    }
    const stored = await store.load().catch((cause: unknown) => {
      report('Could not read stored consent; the shopper will be asked again.', cause);
      return [];
    });
    const fromStore = parseRecords(stored);
    // Only the shown language and those of stored records are needed (to check their notices).
    const locales = [...new Set([locale, ...fromStore.map((r) => matchLocale(r.locale) ?? 'en')])];
    await Promise.all(locales.map(loadLocale));
    strings = stringsFor(locale, overrides);
    values = placeholders(policy, strings);
    const [pairs, withdrawal] = await Promise.all([
      Promise.all(
        locales.map(
          async (l) => [l, await sha256Hex(noticeText(buildNotice(policy, stringsOf(l))))] as const,
        ),
      ),
      sha256Hex(format(strings.withdrawHelp, values)),
    ]);
    onDevice += fromStore.length;
    log = [...fromStore, ...log];
    hashes = new Map(pairs);
    withdrawHash = withdrawal;
    loaded = true;
  }

  function ready(): Promise<void> {
    loading ??= load();
    return loading;
  }

  function report(message: string, cause: unknown): void {
    emitter.emit('error', new FittingRoomError('consent_storage', message, { cause }));
  }

  async function commit(
    action: ConsentAction,
    granted: readonly Purpose[],
    refused: readonly Purpose[],
    noticeHash: string,
    carried: { readonly purposes: readonly Purpose[]; readonly notAfter: string | null },
  ): Promise<ConsentRecord> {
    const record = createRecord({
      id: randomId(),
      action,
      policy,
      granted: [...granted, ...carried.purposes],
      refused,
      at: now(),
      locale,
      noticeHash,
      notAfter: carried.notAfter,
    });
    // Refusing never creates storage: a refusal is kept for this page only, unless the shopper
    // already has records on this device (then it joins them, so the log stays complete).
    const persist = action !== 'refuse' || onDevice > 0;
    log = [...log, record];
    emitter.emit('change', record);
    if (persist) {
      onDevice += 1;
      await store.append(record).catch((cause: unknown) => {
        report('Could not save the consent record; it holds for this page only.', cause);
      });
    }
    return record;
  }

  function prompt(plan: rules.RequestPlan, c: rules.RuleContext): ConsentPrompt {
    return {
      locale,
      strings,
      values,
      notice: buildNotice(policy, strings),
      offered: plan.ask,
      allowed: policy.purposes.filter((p) => rules.allows(log, p, c)),
      unavailable: plan.unavailable,
      minAge: plan.askAge ? policy.minAge : null,
    };
  }

  async function run(
    wanted: readonly Purpose[],
    ui: ConsentUi | undefined,
  ): Promise<ConsentResult> {
    await ready();
    if (closed) throw new FittingRoomError('consent_closed', 'This consent controller is closed.');
    const c = ctx();
    const plan = rules.planRequest(wanted, log, c, age);
    const base = {
      granted: plan.allowed,
      refused: [],
      unavailable: plan.unavailable,
      record: null,
    };
    if (plan.ask.length === 0 && plan.unavailable.length === 0) return { ...base, asked: false };
    const shown = prompt(plan, c);
    const controller = new AbortController();
    active = controller;
    const answer = await (ui ?? defaultUiOf()).ask(shown, controller.signal).finally(() => {
      if (active === controller) active = null;
    });
    if (answer.kind === 'underage') {
      age = 'under';
      const unavailable = rules.planRequest(wanted, log, ctx(), age).unavailable;
      return { ...base, unavailable, asked: true };
    }
    if (answer.kind === 'dismissed' || controller.signal.aborted || plan.ask.length === 0) {
      return { ...base, asked: true };
    }
    if (shown.minAge !== null) age = 'confirmed';
    const granted = plan.ask.filter((p) => answer.granted.includes(p));
    const refused = plan.ask.filter((p) => !granted.includes(p));
    const carried =
      granted.length > 0 ? rules.carryOver(log, plan.ask, ctx()) : { purposes: [], notAfter: null };
    const record = await commit(
      granted.length > 0 ? 'grant' : 'refuse',
      granted,
      refused,
      hashes.get(locale) ?? '',
      carried,
    );
    const after = ctx();
    const nowGranted = wanted.filter((p) => rules.allows(log, p, after));
    return { granted: nowGranted, refused, unavailable: plan.unavailable, record, asked: true };
  }

  function defaultUiOf(): ConsentUi {
    defaultUi ??= createConsentDialog();
    return defaultUi;
  }

  const consent: Consent = {
    policy,
    locale,
    get strings() {
      return strings;
    },
    get values() {
      return values;
    },
    get record() {
      return loaded ? rules.stateRecord(log, ctx()) : null;
    },
    allows(purpose, at) {
      return !closed && loaded && rules.allows(log, purpose, ctx(at));
    },
    receipt() {
      const state = loaded ? rules.stateRecord(log, ctx()) : null;
      return state?.action === 'grant' ? toReceipt(state, policy, stringsOf(state.locale)) : null;
    },
    onWithdraw: (listener) => emitter.on('withdraw', listener),
    on: (event, listener) => emitter.on(event, listener),
    ready,
    request(purposes, requestOptions) {
      let wanted: readonly Purpose[];
      try {
        if (closed)
          throw new FittingRoomError('consent_closed', 'This consent controller is closed.');
        wanted = validatePurposes(purposes, policy);
      } catch (error) {
        return Promise.reject(error);
      }
      // One dialog at a time: a later request is planned after the earlier one settled.
      const next = queue.then(() => run(wanted, requestOptions?.ui ?? options.ui));
      queue = next.catch(() => undefined);
      return next;
    },
    async status() {
      await ready();
      const c = ctx();
      return {
        policyVersion: policy.policyVersion,
        locale,
        signals: c.signals,
        ...rules.purposeStatus(log, c),
      };
    },
    async withdraw() {
      active?.abort();
      await ready();
      const receiptIds = rules.receiptsToErase(log);
      const persist = onDevice > 0;
      const record = createRecord({
        id: randomId(),
        action: 'withdraw',
        policy,
        granted: [],
        refused: policy.purposes,
        at: now(),
        locale,
        noticeHash: withdrawHash,
      });
      log = [...log, record];
      const event: WithdrawalEvent = { record, receiptIds };
      emitter.emit('withdraw', event);
      emitter.emit('change', record);
      if (persist)
        await store
          .append(record)
          .catch((cause: unknown) =>
            report('Could not save the withdrawal; it holds for this page only.', cause),
          );
      return event;
    },
    async history() {
      await ready();
      return [...log];
    },
    close() {
      closed = true;
      active?.abort();
      emitter.clear();
    },
  };
  return consent;
}
