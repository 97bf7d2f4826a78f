// French UI strings of the respondent page: a chunk of its own, fetched only for a survey
// in French (or, before any survey has loaded, for a browser set to French).
import type { LanguageStrings } from "../i18n";

const fr: LanguageStrings = {
  retry: "Réessayer",
  notFound: {
    title: "Questionnaire introuvable",
    body: "Ce lien ne mène à aucun questionnaire. Vérifiez que vous avez copié l’adresse complète.",
  },
  loadFailed: { title: "Le questionnaire ne s’est pas chargé", body: "Vérifiez votre connexion et réessayez." },
  closedFallback: {
    title: "Ce questionnaire est clos",
    body: "Il n’accepte plus de réponses. Merci de votre visite.",
  },
  next: "Suivant",
  back: "Retour",
  submit: "Envoyer",
  saving: "Enregistrement…",
  continue: "Continuer",
  required: "obligatoire",
  requiredHint: "Les questions marquées d’un * sont obligatoires.",
  other: "Autre",
  otherSpecify: "Veuillez préciser",
  selectPlaceholder: "Choisissez une réponse…",
  consentAgree: "J’accepte",
  pageOf: (page, total) => `Page ${page} sur ${total}`,
  aboutMinutes: (minutes) => (minutes === 1 ? "Environ 1 minute" : `Environ ${minutes} minutes`),
  lowLabelFallback: "Minimum",
  highLabelFallback: "Maximum",
  errors: {
    required: "Veuillez répondre à cette question.",
    matrixRow: (row) => `Veuillez répondre à « ${row} ».`,
    otherEmpty: "Veuillez préciser « Autre ».",
    email: "Veuillez saisir une adresse e-mail valide, par exemple nom@exemple.fr.",
    number: "Veuillez saisir un nombre.",
    integer: "Veuillez saisir un nombre entier.",
    range: (min, max) =>
      min !== undefined && max !== undefined
        ? `Veuillez saisir une valeur entre ${min} et ${max}.`
        : min !== undefined
          ? `Veuillez saisir ${min} ou plus.`
          : `Veuillez saisir ${max} ou moins.`,
    tooFew: (min) =>
      min === 1 ? "Veuillez sélectionner au moins une option." : `Veuillez sélectionner au moins ${min} options.`,
    tooMany: (max) =>
      max === 1 ? "Veuillez sélectionner une seule option." : `Veuillez sélectionner au plus ${max} options.`,
    tooLong: (max) => `Veuillez utiliser au plus ${max} caractères.`,
    date: "Veuillez saisir une date valide.",
    consent: "Veuillez donner votre accord pour continuer.",
    fixCount: (count) =>
      count === 1 ? "Veuillez vérifier 1 réponse sur cette page." : `Veuillez vérifier ${count} réponses sur cette page.`,
    server: "Une erreur s’est produite lors de l’enregistrement. Vos réponses restent sur cet appareil — veuillez réessayer.",
    rejected: "Certaines réponses n’ont pas pu être acceptées. Veuillez les vérifier.",
  },
  saved: "Réponses enregistrées",
  retrying: "Enregistrement impossible pour l’instant — nouvel essai sous peu",
  offline: "Vous êtes hors ligne — vos réponses sont enregistrées sur cet appareil et seront envoyées dès votre retour en ligne.",
  notSent: {
    title: "Vos réponses n’ont pas encore été envoyées",
    body: "Elles sont enregistrées sur cet appareil. Nous continuons d’essayer de les envoyer — vous pouvez aussi réessayer maintenant.",
  },
  alreadyResponded: { title: "Vous avez déjà participé", body: "Merci — nous avons déjà votre réponse à ce questionnaire." },
  booking: {
    title: "Choisissez un créneau pour un court entretien",
    body: "Vous pouvez participer à un court échange de suivi. Choisissez un moment qui vous convient maintenant — ou plus tard, avec le lien que nous vous enverrons par e-mail.",
    action: "Choisir un créneau",
  },
};

export default fr;
