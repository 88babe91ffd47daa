import type { Purpose } from '@fittingroom/protocol';
import { format } from '../i18n/index.js';
import type { ConsentStrings, StringKey } from '../i18n/types.js';
import type { ResolvedPolicy } from './policy.js';

/** One purpose as the notice describes it. */
export interface NoticePurpose {
  readonly purpose: Purpose;
  readonly name: string;
  /** What is processed, where, for how long. */
  readonly details: readonly string[];
}

/**
 * The written notice: everything the shopper is told before deciding, for every purpose the
 * policy declares (not only the ones asked now), so one notice covers the whole policy and its
 * hash changes whenever any of its words do.
 */
export interface Notice {
  readonly title: string;
  readonly intro: string;
  /** Age requirement, when the policy sets `minAge`. */
  readonly age: string | null;
  readonly purposes: readonly NoticePurpose[];
  readonly controller: string;
  readonly withdraw: string;
  readonly policy: { readonly text: string; readonly href: string };
  /** The public retention policy, when the policy names one. */
  readonly retention: { readonly text: string; readonly href: string } | null;
}

const PURPOSE_KEYS: Readonly<Record<Purpose, readonly [StringKey, ...StringKey[]]>> = {
  camera: ['cameraName', 'cameraWhat', 'cameraWhere', 'cameraHowLong'],
  upload: ['uploadName', 'uploadWhat', 'uploadWhere', 'uploadHowLong'],
  'product-improvement': [
    'improvementName',
    'improvementWhat',
    'improvementWhere',
    'improvementHowLong',
  ],
};

/** Values substituted into every string of the consent flow. */
export function placeholders(
  policy: ResolvedPolicy,
  strings: ConsentStrings,
): Record<string, string | number> {
  return {
    controller: policy.controller.name,
    contact: policy.controller.contact,
    version: policy.policyVersion,
    location: policy.storageLocation,
    days: policy.retentionDays,
    minAge: policy.minAge ?? '',
    withdrawButton: strings.withdrawButton,
  };
}

/** The short, localised name of a purpose. */
export function purposeName(purpose: Purpose, strings: ConsentStrings): string {
  return strings[PURPOSE_KEYS[purpose][0]];
}

/** Builds the notice for a policy in one language. Pure: same inputs, same words. */
export function buildNotice(policy: ResolvedPolicy, strings: ConsentStrings): Notice {
  const values = placeholders(policy, strings);
  const t = (key: StringKey) => format(strings[key], values);
  return {
    title: t('title'),
    intro: t('intro'),
    age: policy.minAge === null ? null : t('ageLine'),
    purposes: policy.purposes.map((purpose) => {
      const [nameKey, ...detailKeys] = PURPOSE_KEYS[purpose];
      return { purpose, name: t(nameKey), details: detailKeys.map(t) };
    }),
    controller: t('controllerLine'),
    withdraw: t('withdrawLine'),
    policy: { text: t('policyLink'), href: policy.policyUrl },
    retention: policy.retentionPolicyUrl
      ? { text: t('retentionLink'), href: policy.retentionPolicyUrl }
      : null,
  };
}

/**
 * The notice as lines of plain text, in the order the dialog renders them (the dialog marks each
 * rendered line with `data-notice`). The policy link is written as `text <url>`.
 */
export function noticeLines(notice: Notice): string[] {
  return [
    notice.title,
    notice.intro,
    ...(notice.age === null ? [] : [notice.age]),
    ...notice.purposes.flatMap((p) => [p.name, ...p.details]),
    notice.controller,
    notice.withdraw,
    `${notice.policy.text} <${notice.policy.href}>`,
    ...(notice.retention ? [`${notice.retention.text} <${notice.retention.href}>`] : []),
  ];
}

/** The exact notice text that is hashed into consent records. */
export function noticeText(notice: Notice): string {
  return noticeLines(notice).join('\n');
}

/** Lower-case hex SHA-256 of `text` (UTF-8), with WebCrypto. */
export async function sha256Hex(
  text: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
