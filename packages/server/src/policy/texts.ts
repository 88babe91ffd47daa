// The retention policy's words in the SDK's five locales. `{name}` placeholders take the facts.
import type { RetentionPolicy } from './facts.js';

/** The locales of the SDK's string catalog. */
export const POLICY_LOCALES = ['en', 'de', 'es', 'fr', 'hi'] as const;

/** One locale. */
export type PolicyLocale = (typeof POLICY_LOCALES)[number];

/** The words of one page. */
interface PolicyWords {
  readonly language: string;
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly (readonly [heading: string, body: string])[];
}

const WORDS: Record<PolicyLocale, PolicyWords> = {
  en: {
    language: 'English',
    title: 'Retention and destruction policy for virtual try-on',
    intro:
      '{controller} operates this virtual try-on. This page is generated from the settings of the server that keeps shared photos, so it always says what the server does.',
    sections: [
      [
        'Biometric data',
        'Hand and face landmarks are computed on your device only. They never leave it and are never stored, on the device or here.',
      ],
      [
        'What is kept',
        'Only a photo you chose to share, with your separate consent to upload: its metadata is stripped and it is encrypted at rest, in {storageLocation}. With it: the consent receipt it cites, a pseudonymous id, and an audit log without images or IP addresses.',
      ],
      [
        'How long',
        'A shared photo is destroyed {retentionDays} days after it was stored; the deletion runs every {sweepMinutes} minutes. A consent lasts at most {consentMaxDays} days. Test data is destroyed after {testDataHours} hours.',
      ],
      [
        'Withdrawing and erasing',
        'Withdraw at any time in the try-on’s privacy controls: the camera stops and everything shared is erased from this server. You can also write to {contact} with the receipt id shown with your consent; the retailer erases it and its own copies.',
      ],
    ],
  },
  de: {
    language: 'Deutsch',
    title: 'Richtlinie zur Aufbewahrung und Löschung für die virtuelle Anprobe',
    intro:
      '{controller} betreibt diese virtuelle Anprobe. Diese Seite wird aus den Einstellungen des Servers erzeugt, der geteilte Fotos speichert, und sagt daher immer, was der Server tut.',
    sections: [
      [
        'Biometrische Daten',
        'Hand- und Gesichtsmerkmale werden nur auf Ihrem Gerät berechnet. Sie verlassen es nie und werden nirgends gespeichert, weder auf dem Gerät noch hier.',
      ],
      [
        'Was gespeichert wird',
        'Nur ein Foto, das Sie mit Ihrer gesonderten Einwilligung zum Hochladen geteilt haben: ohne Metadaten und verschlüsselt gespeichert, in {storageLocation}. Dazu: die Einwilligungsquittung, eine pseudonyme Kennung und ein Prüfprotokoll ohne Bilder und IP-Adressen.',
      ],
      [
        'Wie lange',
        'Ein geteiltes Foto wird {retentionDays} Tage nach dem Speichern gelöscht; die Löschung läuft alle {sweepMinutes} Minuten. Eine Einwilligung gilt höchstens {consentMaxDays} Tage. Testdaten werden nach {testDataHours} Stunden gelöscht.',
      ],
      [
        'Widerruf und Löschung',
        'Widerrufen Sie jederzeit in den Datenschutzeinstellungen der Anprobe: Die Kamera stoppt und alles Geteilte wird von diesem Server gelöscht. Sie können auch an {contact} schreiben, mit der Quittungsnummer Ihrer Einwilligung; der Händler löscht die Daten und seine eigenen Kopien.',
      ],
    ],
  },
  es: {
    language: 'Español',
    title: 'Política de conservación y destrucción de la prueba virtual',
    intro:
      '{controller} gestiona esta prueba virtual. Esta página se genera a partir de la configuración del servidor que guarda las fotos compartidas, así que siempre dice lo que hace el servidor.',
    sections: [
      [
        'Datos biométricos',
        'Los puntos de la mano y la cara se calculan solo en su dispositivo. Nunca salen de él y nunca se guardan, ni en el dispositivo ni aquí.',
      ],
      [
        'Qué se guarda',
        'Solo una foto que usted decidió compartir, con su consentimiento aparte para subirla: sin metadatos y cifrada, en {storageLocation}. Con ella: el recibo de consentimiento, un identificador seudónimo y un registro de auditoría sin imágenes ni direcciones IP.',
      ],
      [
        'Cuánto tiempo',
        'Una foto compartida se destruye {retentionDays} días después de guardarse; el borrado se ejecuta cada {sweepMinutes} minutos. Un consentimiento dura como máximo {consentMaxDays} días. Los datos de prueba se destruyen a las {testDataHours} horas.',
      ],
      [
        'Retirar y borrar',
        'Retire su consentimiento cuando quiera en los controles de privacidad de la prueba: la cámara se detiene y todo lo compartido se borra de este servidor. También puede escribir a {contact} con el número de recibo de su consentimiento; el comercio lo borra junto con sus propias copias.',
      ],
    ],
  },
  fr: {
    language: 'Français',
    title: 'Politique de conservation et de destruction de l’essayage virtuel',
    intro:
      '{controller} exploite cet essayage virtuel. Cette page est produite à partir des réglages du serveur qui garde les photos partagées : elle dit donc toujours ce que fait le serveur.',
    sections: [
      [
        'Données biométriques',
        'Les repères de la main et du visage sont calculés uniquement sur votre appareil. Ils ne le quittent jamais et ne sont jamais conservés, ni sur l’appareil ni ici.',
      ],
      [
        'Ce qui est conservé',
        'Seulement une photo que vous avez choisi de partager, avec votre consentement distinct à l’envoi : sans métadonnées et chiffrée, à {storageLocation}. Avec elle : le reçu de consentement, un identifiant pseudonyme et un journal d’audit sans images ni adresses IP.',
      ],
      [
        'Combien de temps',
        'Une photo partagée est détruite {retentionDays} jours après son enregistrement ; la suppression a lieu toutes les {sweepMinutes} minutes. Un consentement dure au plus {consentMaxDays} jours. Les données de test sont détruites au bout de {testDataHours} heures.',
      ],
      [
        'Retrait et effacement',
        'Retirez votre consentement à tout moment dans les réglages de confidentialité de l’essayage : la caméra s’arrête et tout ce qui a été partagé est effacé de ce serveur. Vous pouvez aussi écrire à {contact} avec le numéro de reçu de votre consentement ; le commerçant l’efface ainsi que ses propres copies.',
      ],
    ],
  },
  hi: {
    language: 'हिन्दी',
    title: 'वर्चुअल ट्राई-ऑन के लिए डेटा रखने और नष्ट करने की नीति',
    intro:
      '{controller} यह वर्चुअल ट्राई-ऑन चलाता है। यह पेज साझा की गई फ़ोटो रखने वाले सर्वर की सेटिंग से बनता है, इसलिए यह हमेशा वही बताता है जो सर्वर करता है।',
    sections: [
      [
        'बायोमेट्रिक डेटा',
        'हाथ और चेहरे के बिंदु केवल आपके डिवाइस पर गिने जाते हैं। वे कभी डिवाइस से बाहर नहीं जाते और कहीं भी सहेजे नहीं जाते।',
      ],
      [
        'क्या रखा जाता है',
        'केवल वह फ़ोटो जिसे आपने अपलोड की अलग सहमति के साथ साझा करना चुना: मेटाडेटा हटाकर और एन्क्रिप्ट करके, {storageLocation} में। साथ में: सहमति की रसीद, एक छद्म पहचान और बिना छवियों या IP पतों वाला ऑडिट लॉग।',
      ],
      [
        'कितने समय तक',
        'साझा की गई फ़ोटो सहेजे जाने के {retentionDays} दिन बाद नष्ट कर दी जाती है; हटाने की प्रक्रिया हर {sweepMinutes} मिनट चलती है। सहमति अधिकतम {consentMaxDays} दिन रहती है। परीक्षण डेटा {testDataHours} घंटे बाद नष्ट होता है।',
      ],
      [
        'सहमति वापस लेना और मिटाना',
        'ट्राई-ऑन की गोपनीयता सेटिंग में कभी भी सहमति वापस लें: कैमरा बंद हो जाता है और साझा किया गया सब कुछ इस सर्वर से मिट जाता है। आप अपनी सहमति के साथ दिखाई गई रसीद संख्या के साथ {contact} पर भी लिख सकते हैं; विक्रेता उसे और अपनी प्रतियाँ मिटा देता है।',
      ],
    ],
  },
};

/** The policy's words in `locale`, placeholders filled from `facts`. */
export function policyWords(locale: PolicyLocale, facts: RetentionPolicy): PolicyWords {
  const fill = (text: string): string =>
    text.replace(/\{(\w+)\}/g, (_m, name: string) =>
      String((facts as unknown as Record<string, unknown>)[name] ?? ''),
    );
  const words = WORDS[locale];
  return {
    language: words.language,
    title: fill(words.title),
    intro: fill(words.intro),
    sections: words.sections.map(([heading, body]) => [fill(heading), fill(body)] as const),
  };
}

/** The best of {@link POLICY_LOCALES} for a `?lang=` value or an `Accept-Language` header. */
export function pickLocale(lang: unknown, acceptLanguage: string | undefined): PolicyLocale {
  const wanted = [
    typeof lang === 'string' ? lang : '',
    ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim() ?? ''),
  ];
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0];
    const found = POLICY_LOCALES.find((locale) => locale === base);
    if (found) return found;
  }
  return 'en';
}
