import type { ConsentStrings } from '../types.js';

/** German. */
export const de: ConsentStrings = {
  title: 'Ihre Privatsphäre bei der virtuellen Anprobe',
  intro:
    '{controller} bittet Sie um Ihre Erlaubnis, bevor Ihre Kamera genutzt oder ein Foto empfangen wird. So funktioniert es.',
  uploadIntro:
    'Beim Teilen wird nur das Foto, das Sie gerade aufgenommen haben, an {controller} gesendet und dort höchstens {days} Tage aufbewahrt. Mit „{withdrawButton}“ können Sie es jederzeit löschen lassen.',
  ageLine: 'Die virtuelle Anprobe ist nur für Personen ab {minAge} Jahren.',
  cameraName: 'Mit Ihrer Kamera anprobieren',
  uploadName: 'Ein Foto Ihrer Wahl teilen',
  improvementName: 'Die Anprobe verbessern helfen',
  cameraWhat:
    'Was: das Live-Bild Ihrer Kamera und die Position Ihrer Hände oder Ihres Gesichts darin. Das sind biometrische Daten.',
  cameraWhere: 'Wo: nur auf diesem Gerät. Nichts von Ihrer Kamera verlässt es.',
  cameraHowLong: 'Wie lange: nur solange die Anprobe geöffnet ist. Nichts wird gespeichert.',
  uploadWhat: 'Was: nur ein Foto, das Sie aufnehmen und teilen möchten.',
  uploadWhere:
    'Wo: an {controller} gesendet und in {location} gespeichert. Es wird weder verkauft noch an andere weitergegeben.',
  uploadHowLong:
    'Wie lange: nach {days} Tagen gelöscht, auf Wunsch früher. Sie können jederzeit eine Kopie anfordern.',
  improvementWhat:
    'Was: Fotos, die Sie teilen; {controller} nutzt sie, damit die Anprobe besser passt.',
  improvementWhere:
    'Wo: bei {controller} in {location} gespeichert. Sie werden an niemanden weitergegeben.',
  improvementHowLong: 'Wie lange: nach {days} Tagen gelöscht, auf Wunsch früher.',
  controllerLine: 'Verantwortlich für Ihre Daten: {controller}. Kontakt: {contact}.',
  withdrawLine:
    'Sie können Ihre Entscheidung jederzeit mit der Schaltfläche „{withdrawButton}“ ändern: Die Kamera stoppt und {controller} wird gebeten, alles von Ihnen Geteilte zu löschen.',
  policyLink: 'Vollständige Datenschutzerklärung lesen (Version {version})',
  retentionLink: 'Wie lange Fotos aufbewahrt und wie sie gelöscht werden',
  askOne: 'Erlauben Sie „{purpose}“?',
  chooseLegend: 'Wählen Sie, was Sie erlauben',
  chooseAtLeastOne: 'Kreuzen Sie mindestens eine Option an oder wählen Sie Ablehnen.',
  accept: 'Zustimmen',
  acceptSelected: 'Auswahl zustimmen',
  refuse: 'Ablehnen',
  details: 'Einzelheiten',
  close: 'Schließen',
  alreadyAllowed: '{purpose}: bereits erlaubt.',
  askedLater: '{purpose}: Wir fragen Sie, wenn es so weit ist.',
  unavailableGpc:
    '{purpose}: nicht verfügbar, weil Ihr Browser ein Global-Privacy-Control-Signal sendet.',
  unavailableDnt:
    '{purpose}: nicht verfügbar, weil Ihr Browser darum bittet, nicht verfolgt zu werden.',
  ageTitle: 'Bevor es losgeht',
  ageQuestion: 'Sind Sie {minAge} Jahre oder älter?',
  ageYes: 'Ja, ich bin {minAge} oder älter',
  ageNo: 'Nein',
  underageTitle: 'Die virtuelle Anprobe ist nicht verfügbar',
  underageText:
    'Die virtuelle Anprobe ist nur für Personen ab {minAge} Jahren, daher wird Ihre Kamera nicht verwendet.',
  controlLabel: 'Datenschutz',
  withdrawButton: 'Einwilligung widerrufen',
  withdrawHelp:
    'Damit wird die Kamera ausgeschaltet, noch nicht gesendete Fotos werden verworfen und {controller} wird gebeten, Ihre geteilten Fotos zu löschen.',
  withdrawnStatus: 'Einwilligung widerrufen. Die Kamera ist aus und es wird nichts mehr geteilt.',
  receiptButton: 'Meinen Einwilligungsnachweis herunterladen',
  cameraTermination:
    'Endet, wenn die Anprobe geschlossen oder widerrufen wird; nichts wird gespeichert.',
  uploadTermination: 'Fotos werden nach {days} Tagen oder beim Widerruf gelöscht.',
  improvementTermination: 'Fotos werden nach {days} Tagen oder beim Widerruf gelöscht.',
};
