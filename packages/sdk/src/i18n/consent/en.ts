import type { ConsentStrings } from '../types.js';

/** English (reference dictionary; every other locale translates these keys). */
export const en: ConsentStrings = {
  title: 'Your privacy in virtual try-on',
  intro:
    '{controller} asks for your permission before using your camera or receiving any photo. Here is what happens.',
  uploadIntro:
    'Sharing sends only the photo you just took to {controller}, which keeps it for {days} days at most. You can have it erased at any time with “{withdrawButton}”.',
  ageLine: 'Virtual try-on is only for people aged {minAge} or older.',
  cameraName: 'Try on with your camera',
  uploadName: 'Share a photo you choose',
  improvementName: 'Help improve the try-on',
  cameraWhat:
    'What: the live image from your camera and the position of your hands or face in it. This is biometric information.',
  cameraWhere: 'Where: only on this device. Nothing from your camera leaves it.',
  cameraHowLong: 'How long: only while the try-on is open. Nothing is stored.',
  uploadWhat: 'What: only a photo you take and choose to share.',
  uploadWhere:
    'Where: sent to {controller} and stored in {location}. It is not sold or given to anyone else.',
  uploadHowLong:
    'How long: deleted after {days} days, or sooner if you ask. You can ask for a copy at any time.',
  improvementWhat: 'What: photos you share, used by {controller} to make the try-on fit better.',
  improvementWhere: 'Where: kept by {controller} in {location}. They are not given to anyone else.',
  improvementHowLong: 'How long: deleted after {days} days, or sooner if you ask.',
  controllerLine: 'Responsible for your data: {controller}. Contact: {contact}.',
  withdrawLine:
    'You can change your mind at any time with the “{withdrawButton}” button: the camera stops and {controller} is asked to erase everything you shared.',
  policyLink: 'Read the full privacy policy (version {version})',
  retentionLink: 'How long photos are kept and how they are destroyed',
  askOne: 'Do you allow “{purpose}”?',
  chooseLegend: 'Choose what you allow',
  chooseAtLeastOne: 'Tick at least one option, or choose Refuse.',
  accept: 'Accept',
  acceptSelected: 'Accept selected',
  refuse: 'Refuse',
  details: 'Details',
  close: 'Close',
  alreadyAllowed: '{purpose}: already allowed.',
  askedLater: '{purpose}: we will ask you when it is needed.',
  unavailableGpc:
    '{purpose}: not available, because your browser sends a Global Privacy Control signal.',
  unavailableDnt: '{purpose}: not available, because your browser asks not to be tracked.',
  ageTitle: 'Before we start',
  ageQuestion: 'Are you {minAge} or older?',
  ageYes: 'Yes, I am {minAge} or older',
  ageNo: 'No',
  underageTitle: 'Virtual try-on is not available',
  underageText:
    'Virtual try-on is only for people aged {minAge} or older, so your camera will not be used.',
  controlLabel: 'Privacy',
  withdrawButton: 'Withdraw consent',
  withdrawHelp:
    'This turns off the camera, cancels photos waiting to be sent and asks {controller} to erase the photos you shared.',
  withdrawnStatus: 'Consent withdrawn. The camera is off and nothing more will be shared.',
  receiptButton: 'Download my consent receipt',
  cameraTermination: 'Ends when the try-on closes or you withdraw; nothing is stored.',
  uploadTermination: 'Photos are deleted after {days} days, or when you withdraw.',
  improvementTermination: 'Photos are deleted after {days} days, or when you withdraw.',
};
