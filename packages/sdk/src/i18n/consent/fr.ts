import type { ConsentStrings } from '../types.js';

/** French. */
export const fr: ConsentStrings = {
  title: 'Votre vie privée pendant l’essayage virtuel',
  intro:
    '{controller} vous demande votre accord avant d’utiliser votre caméra ou de recevoir une photo. Voici ce qui se passe.',
  uploadIntro:
    'Partager envoie uniquement la photo que vous venez de prendre à {controller}, qui la conserve {days} jours au plus. Vous pouvez la faire effacer à tout moment avec « {withdrawButton} ».',
  ageLine: 'L’essayage virtuel est réservé aux personnes de {minAge} ans ou plus.',
  cameraName: 'Essayer avec votre caméra',
  uploadName: 'Partager une photo de votre choix',
  improvementName: 'Aider à améliorer l’essayage',
  cameraWhat:
    'Quoi : l’image en direct de votre caméra et la position de vos mains ou de votre visage. Ce sont des données biométriques.',
  cameraWhere: 'Où : uniquement sur cet appareil. Rien de ce que filme votre caméra n’en sort.',
  cameraHowLong: 'Combien de temps : seulement pendant l’essayage. Rien n’est conservé.',
  uploadWhat: 'Quoi : uniquement une photo que vous prenez et choisissez de partager.',
  uploadWhere:
    'Où : envoyée à {controller} et stockée à {location}. Elle n’est ni vendue ni transmise à qui que ce soit.',
  uploadHowLong:
    'Combien de temps : supprimée après {days} jours, ou plus tôt si vous le demandez. Vous pouvez en demander une copie à tout moment.',
  improvementWhat:
    'Quoi : les photos que vous partagez, utilisées par {controller} pour que l’essayage tombe mieux.',
  improvementWhere:
    'Où : conservées par {controller} à {location}. Elles ne sont transmises à personne d’autre.',
  improvementHowLong:
    'Combien de temps : supprimées après {days} jours, ou plus tôt si vous le demandez.',
  controllerLine: 'Responsable de vos données : {controller}. Contact : {contact}.',
  withdrawLine:
    'Vous pouvez changer d’avis à tout moment avec le bouton « {withdrawButton} » : la caméra s’arrête et {controller} doit effacer tout ce que vous avez partagé.',
  policyLink: 'Lire la politique de confidentialité complète (version {version})',
  retentionLink: 'Combien de temps les photos sont gardées et comment elles sont détruites',
  askOne: 'Autorisez-vous « {purpose} » ?',
  chooseLegend: 'Choisissez ce que vous autorisez',
  chooseAtLeastOne: 'Cochez au moins une option, ou choisissez Refuser.',
  accept: 'Accepter',
  acceptSelected: 'Accepter la sélection',
  refuse: 'Refuser',
  details: 'Détails',
  close: 'Fermer',
  alreadyAllowed: '{purpose} : déjà autorisé.',
  askedLater: '{purpose} : nous vous le demanderons le moment venu.',
  unavailableGpc:
    '{purpose} : indisponible, car votre navigateur envoie un signal Global Privacy Control.',
  unavailableDnt: '{purpose} : indisponible, car votre navigateur demande à ne pas être suivi.',
  ageTitle: 'Avant de commencer',
  ageQuestion: 'Avez-vous {minAge} ans ou plus ?',
  ageYes: 'Oui, j’ai {minAge} ans ou plus',
  ageNo: 'Non',
  underageTitle: 'L’essayage virtuel n’est pas disponible',
  underageText:
    'L’essayage virtuel est réservé aux personnes de {minAge} ans ou plus : votre caméra ne sera pas utilisée.',
  controlLabel: 'Confidentialité',
  withdrawButton: 'Retirer mon consentement',
  withdrawHelp:
    'Cela éteint la caméra, annule les photos en attente d’envoi et demande à {controller} d’effacer les photos partagées.',
  withdrawnStatus: 'Consentement retiré. La caméra est éteinte et plus rien ne sera partagé.',
  receiptButton: 'Télécharger mon reçu de consentement',
  cameraTermination: 'Prend fin à la fermeture de l’essayage ou au retrait ; rien n’est conservé.',
  uploadTermination: 'Les photos sont supprimées après {days} jours, ou lors du retrait.',
  improvementTermination: 'Les photos sont supprimées après {days} jours, ou lors du retrait.',
};
