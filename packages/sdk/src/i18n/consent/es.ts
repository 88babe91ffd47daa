import type { ConsentStrings } from '../types.js';

/** Spanish. */
export const es: ConsentStrings = {
  title: 'Tu privacidad en la prueba virtual',
  intro:
    '{controller} te pide permiso antes de usar tu cámara o de recibir cualquier foto. Esto es lo que ocurre.',
  uploadIntro:
    'Compartir envía solo la foto que acaba de hacer a {controller}, que la conserva {days} días como máximo. Puede pedir que se borre en cualquier momento con «{withdrawButton}».',
  ageLine: 'La prueba virtual es solo para personas de {minAge} años o más.',
  cameraName: 'Probártelo con tu cámara',
  uploadName: 'Compartir una foto que elijas',
  improvementName: 'Ayudar a mejorar la prueba virtual',
  cameraWhat:
    'Qué: la imagen en directo de tu cámara y la posición de tus manos o tu cara en ella. Son datos biométricos.',
  cameraWhere: 'Dónde: solo en este dispositivo. Nada de tu cámara sale de él.',
  cameraHowLong: 'Cuánto tiempo: solo mientras la prueba está abierta. No se guarda nada.',
  uploadWhat: 'Qué: solo una foto que tomes y decidas compartir.',
  uploadWhere:
    'Dónde: se envía a {controller} y se guarda en {location}. No se vende ni se cede a nadie más.',
  uploadHowLong:
    'Cuánto tiempo: se borra a los {days} días, o antes si lo pides. Puedes pedir una copia en cualquier momento.',
  improvementWhat:
    'Qué: las fotos que compartes, que {controller} usa para que la prueba se ajuste mejor.',
  improvementWhere: 'Dónde: las guarda {controller} en {location}. No se ceden a nadie más.',
  improvementHowLong: 'Cuánto tiempo: se borran a los {days} días, o antes si lo pides.',
  controllerLine: 'Responsable de tus datos: {controller}. Contacto: {contact}.',
  withdrawLine:
    'Puedes cambiar de opinión en cualquier momento con el botón «{withdrawButton}»: la cámara se detiene y se pide a {controller} que borre todo lo que compartiste.',
  policyLink: 'Leer la política de privacidad completa (versión {version})',
  retentionLink: 'Cuánto tiempo se guardan las fotos y cómo se destruyen',
  askOne: '¿Das tu permiso para «{purpose}»?',
  chooseLegend: 'Elige lo que permites',
  chooseAtLeastOne: 'Marca al menos una opción o elige Rechazar.',
  accept: 'Aceptar',
  acceptSelected: 'Aceptar selección',
  refuse: 'Rechazar',
  details: 'Detalles',
  close: 'Cerrar',
  alreadyAllowed: '{purpose}: ya permitido.',
  askedLater: '{purpose}: te lo preguntaremos cuando haga falta.',
  unavailableGpc:
    '{purpose}: no disponible, porque tu navegador envía una señal de Global Privacy Control.',
  unavailableDnt: '{purpose}: no disponible, porque tu navegador pide que no se te rastree.',
  ageTitle: 'Antes de empezar',
  ageQuestion: '¿Tienes {minAge} años o más?',
  ageYes: 'Sí, tengo {minAge} años o más',
  ageNo: 'No',
  underageTitle: 'La prueba virtual no está disponible',
  underageText:
    'La prueba virtual es solo para personas de {minAge} años o más, así que no se usará tu cámara.',
  controlLabel: 'Privacidad',
  withdrawButton: 'Retirar el consentimiento',
  withdrawHelp:
    'Esto apaga la cámara, cancela las fotos pendientes de envío y pide a {controller} que borre las fotos que compartiste.',
  withdrawnStatus: 'Consentimiento retirado. La cámara está apagada y no se compartirá nada más.',
  receiptButton: 'Descargar mi comprobante de consentimiento',
  cameraTermination:
    'Termina al cerrar la prueba o al retirar el consentimiento; no se guarda nada.',
  uploadTermination: 'Las fotos se borran a los {days} días o al retirar el consentimiento.',
  improvementTermination: 'Las fotos se borran a los {days} días o al retirar el consentimiento.',
};
