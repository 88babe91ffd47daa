import type { Locale } from '../i18n/types.js';

/** Texts of the live view and review, per locale; retailers may override any key. */
export interface TryOnStrings {
  readonly tryOnTitle: string;
  readonly capture: string;
  readonly closeTryOn: string;
  readonly withdraw: string;
  readonly starting: string;
  readonly loading: string;
  readonly showHand: string;
  readonly showFace: string;
  readonly tracking: string;
  readonly onDevice: string;
  readonly reviewTitle: string;
  readonly imageAlt: string;
  readonly share: string;
  readonly retake: string;
  readonly discard: string;
  readonly sharing: string;
  readonly shareFailed: string;
  readonly shared: string;
  readonly shareRefused: string;
  readonly queued: string;
  readonly uploadProgress: string;
  readonly withdrawn: string;
  readonly mlFailed: string;
  readonly camera_denied: string;
  readonly camera_not_found: string;
  readonly camera_busy: string;
  readonly camera_insecure_context: string;
  readonly camera_unsupported: string;
  readonly camera_failed: string;
}

const en: TryOnStrings = {
  tryOnTitle: 'Virtual try-on',
  capture: 'Take photo',
  closeTryOn: 'Close',
  withdraw: 'Withdraw consent',
  starting: 'Starting the camera…',
  loading: 'Loading try-on on this device…',
  showHand: 'Hold the back of your hand up to the camera.',
  showFace: 'Look straight at the camera.',
  tracking: 'Try-on is running.',
  onDevice: 'Your camera image is processed on this device only.',
  reviewTitle: 'Your photo',
  imageAlt: 'Photo of you trying on the product',
  share: 'Share',
  retake: 'Retake',
  discard: 'Discard',
  sharing: 'Sharing…',
  shareFailed: 'Sharing failed. Your photo is still here; try again.',
  shared: 'Shared. You can export or delete your data at any time.',
  shareRefused: 'Nothing was shared: sharing needs your permission to upload the photo.',
  queued: 'You are offline. The photo will be sent when you are back online.',
  uploadProgress: 'Upload progress',
  withdrawn: 'Consent withdrawn. The camera is off and your shared data is being erased.',
  mlFailed: 'Try-on could not start on this device.',
  camera_denied: 'Camera access is blocked. Allow the camera for this site to try on.',
  camera_not_found: 'No camera was found. Connect a camera and try again.',
  camera_busy: 'The camera is in use by another app or tab. Close it there and try again.',
  camera_insecure_context: 'Try-on needs a secure (https) page to use the camera.',
  camera_unsupported: 'This browser cannot share its camera with web pages.',
  camera_failed: 'The camera could not be started.',
};

const fr: TryOnStrings = {
  tryOnTitle: 'Essayage virtuel',
  capture: 'Prendre une photo',
  closeTryOn: 'Fermer',
  withdraw: 'Retirer mon consentement',
  starting: 'Démarrage de la caméra…',
  loading: 'Chargement de l’essayage sur cet appareil…',
  showHand: 'Montrez le dos de votre main à la caméra.',
  showFace: 'Regardez la caméra bien en face.',
  tracking: 'L’essayage est en cours.',
  onDevice: 'L’image de votre caméra est traitée uniquement sur cet appareil.',
  reviewTitle: 'Votre photo',
  imageAlt: 'Photo de vous essayant le produit',
  share: 'Partager',
  retake: 'Reprendre',
  discard: 'Supprimer',
  sharing: 'Partage en cours…',
  shareFailed: 'Le partage a échoué. Votre photo est toujours là ; réessayez.',
  shared: 'Partagé. Vous pouvez exporter ou supprimer vos données à tout moment.',
  shareRefused: 'Rien n’a été partagé : le partage nécessite votre accord pour envoyer la photo.',
  queued: 'Vous êtes hors ligne. La photo sera envoyée à votre retour en ligne.',
  uploadProgress: 'Progression de l’envoi',
  withdrawn: 'Consentement retiré. La caméra est éteinte et vos données partagées sont effacées.',
  mlFailed: 'L’essayage n’a pas pu démarrer sur cet appareil.',
  camera_denied: 'L’accès à la caméra est bloqué. Autorisez la caméra pour ce site.',
  camera_not_found: 'Aucune caméra trouvée. Branchez une caméra et réessayez.',
  camera_busy: 'La caméra est utilisée par une autre application ou un autre onglet.',
  camera_insecure_context: 'L’essayage nécessite une page sécurisée (https).',
  camera_unsupported: 'Ce navigateur ne peut pas partager sa caméra avec les pages web.',
  camera_failed: 'La caméra n’a pas pu démarrer.',
};

const de: TryOnStrings = {
  tryOnTitle: 'Virtuelle Anprobe',
  capture: 'Foto aufnehmen',
  closeTryOn: 'Schließen',
  withdraw: 'Einwilligung widerrufen',
  starting: 'Kamera wird gestartet…',
  loading: 'Anprobe wird auf diesem Gerät geladen…',
  showHand: 'Halten Sie Ihren Handrücken vor die Kamera.',
  showFace: 'Schauen Sie direkt in die Kamera.',
  tracking: 'Die Anprobe läuft.',
  onDevice: 'Ihr Kamerabild wird nur auf diesem Gerät verarbeitet.',
  reviewTitle: 'Ihr Foto',
  imageAlt: 'Foto von Ihnen mit dem Produkt',
  share: 'Teilen',
  retake: 'Neu aufnehmen',
  discard: 'Verwerfen',
  sharing: 'Wird geteilt…',
  shareFailed: 'Teilen fehlgeschlagen. Ihr Foto ist noch da; versuchen Sie es erneut.',
  shared: 'Geteilt. Sie können Ihre Daten jederzeit exportieren oder löschen.',
  shareRefused: 'Nichts wurde geteilt: Dafür braucht es Ihre Erlaubnis zum Hochladen.',
  queued: 'Sie sind offline. Das Foto wird gesendet, sobald Sie wieder online sind.',
  uploadProgress: 'Upload-Fortschritt',
  withdrawn: 'Einwilligung widerrufen. Die Kamera ist aus, Ihre geteilten Daten werden gelöscht.',
  mlFailed: 'Die Anprobe konnte auf diesem Gerät nicht starten.',
  camera_denied: 'Der Kamerazugriff ist blockiert. Erlauben Sie die Kamera für diese Website.',
  camera_not_found: 'Keine Kamera gefunden. Schließen Sie eine Kamera an.',
  camera_busy: 'Die Kamera wird von einer anderen App oder einem anderen Tab verwendet.',
  camera_insecure_context: 'Die Anprobe braucht eine sichere (https-)Seite.',
  camera_unsupported: 'Dieser Browser kann seine Kamera nicht mit Webseiten teilen.',
  camera_failed: 'Die Kamera konnte nicht gestartet werden.',
};

const es: TryOnStrings = {
  tryOnTitle: 'Prueba virtual',
  capture: 'Hacer foto',
  closeTryOn: 'Cerrar',
  withdraw: 'Retirar consentimiento',
  starting: 'Iniciando la cámara…',
  loading: 'Cargando la prueba en este dispositivo…',
  showHand: 'Muestra el dorso de la mano a la cámara.',
  showFace: 'Mira directamente a la cámara.',
  tracking: 'La prueba está en marcha.',
  onDevice: 'La imagen de tu cámara se procesa solo en este dispositivo.',
  reviewTitle: 'Tu foto',
  imageAlt: 'Foto tuya probándote el producto',
  share: 'Compartir',
  retake: 'Repetir',
  discard: 'Descartar',
  sharing: 'Compartiendo…',
  shareFailed: 'No se pudo compartir. Tu foto sigue aquí; inténtalo de nuevo.',
  shared: 'Compartida. Puedes exportar o borrar tus datos cuando quieras.',
  shareRefused: 'No se compartió nada: compartir necesita tu permiso para subir la foto.',
  queued: 'Estás sin conexión. La foto se enviará cuando vuelvas a estar en línea.',
  uploadProgress: 'Progreso de la subida',
  withdrawn: 'Consentimiento retirado. La cámara está apagada y tus datos compartidos se borran.',
  mlFailed: 'La prueba no pudo iniciarse en este dispositivo.',
  camera_denied: 'El acceso a la cámara está bloqueado. Permite la cámara para este sitio.',
  camera_not_found: 'No se encontró ninguna cámara. Conecta una e inténtalo de nuevo.',
  camera_busy: 'La cámara está en uso por otra aplicación o pestaña.',
  camera_insecure_context: 'La prueba necesita una página segura (https).',
  camera_unsupported: 'Este navegador no puede compartir su cámara con páginas web.',
  camera_failed: 'No se pudo iniciar la cámara.',
};

const hi: TryOnStrings = {
  tryOnTitle: 'वर्चुअल ट्राई-ऑन',
  capture: 'फ़ोटो लें',
  closeTryOn: 'बंद करें',
  withdraw: 'सहमति वापस लें',
  starting: 'कैमरा शुरू हो रहा है…',
  loading: 'इस डिवाइस पर ट्राई-ऑन लोड हो रहा है…',
  showHand: 'अपने हाथ का पिछला हिस्सा कैमरे के सामने रखें।',
  showFace: 'सीधे कैमरे की ओर देखें।',
  tracking: 'ट्राई-ऑन चल रहा है।',
  onDevice: 'आपकी कैमरा छवि केवल इसी डिवाइस पर प्रोसेस होती है।',
  reviewTitle: 'आपकी फ़ोटो',
  imageAlt: 'उत्पाद पहने हुए आपकी फ़ोटो',
  share: 'साझा करें',
  retake: 'फिर से लें',
  discard: 'हटाएँ',
  sharing: 'साझा किया जा रहा है…',
  shareFailed: 'साझा नहीं हो सका। आपकी फ़ोटो अभी भी यहाँ है; फिर से कोशिश करें।',
  shared: 'साझा हो गया। आप कभी भी अपना डेटा निर्यात या हटा सकते हैं।',
  shareRefused: 'कुछ भी साझा नहीं हुआ: फ़ोटो अपलोड करने के लिए आपकी अनुमति चाहिए।',
  queued: 'आप ऑफ़लाइन हैं। ऑनलाइन होते ही फ़ोटो भेज दी जाएगी।',
  uploadProgress: 'अपलोड प्रगति',
  withdrawn: 'सहमति वापस ली गई। कैमरा बंद है और आपका साझा डेटा मिटाया जा रहा है।',
  mlFailed: 'इस डिवाइस पर ट्राई-ऑन शुरू नहीं हो सका।',
  camera_denied: 'कैमरा एक्सेस अवरुद्ध है। इस साइट के लिए कैमरा की अनुमति दें।',
  camera_not_found: 'कोई कैमरा नहीं मिला। कैमरा जोड़ें और फिर कोशिश करें।',
  camera_busy: 'कैमरा किसी अन्य ऐप या टैब में उपयोग में है।',
  camera_insecure_context: 'ट्राई-ऑन के लिए सुरक्षित (https) पेज चाहिए।',
  camera_unsupported: 'यह ब्राउज़र वेब पेजों के साथ कैमरा साझा नहीं कर सकता।',
  camera_failed: 'कैमरा शुरू नहीं हो सका।',
};

/** Shipped try-on texts, one dictionary per locale. */
export const TRYON_STRINGS: Readonly<Record<Locale, TryOnStrings>> = { en, fr, de, es, hi };

/** Retailer overrides of try-on texts, per locale and key. */
export type TryOnStringOverrides = Readonly<Partial<Record<Locale, Partial<TryOnStrings>>>>;

/** The try-on texts for a locale with the retailer's overrides applied. */
export function tryOnStrings(locale: Locale, overrides: TryOnStringOverrides = {}): TryOnStrings {
  return { ...TRYON_STRINGS[locale], ...overrides[locale] };
}
