// UI strings of the respondent page. The survey's own text comes from its definition;
// these are the words around it, in the language the researcher chose.
import type { Language } from "@sieve/core";

export interface Strings {
  loading: string;
  next: string;
  back: string;
  submit: string;
  saving: string;
  retry: string;
  continue: string;
  required: string;
  requiredHint: string;
  other: string;
  otherSpecify: string;
  selectPlaceholder: string;
  consentAgree: string;
  pageOf: (page: number, total: number) => string;
  aboutMinutes: (minutes: number) => string;
  lowLabelFallback: string;
  highLabelFallback: string;
  errors: {
    required: string;
    matrixRow: (row: string) => string;
    otherEmpty: string;
    email: string;
    number: string;
    integer: string;
    range: (min: string | undefined, max: string | undefined) => string;
    tooFew: (min: number) => string;
    tooMany: (max: number) => string;
    tooLong: (max: number) => string;
    date: string;
    consent: string;
    fixCount: (count: number) => string;
    network: string;
    server: string;
    rejected: string;
  };
  notFound: { title: string; body: string };
  loadFailed: { title: string; body: string };
  notSent: { title: string; body: string };
  closedFallback: { title: string; body: string };
}

const en: Strings = {
  loading: "Loading the survey…",
  next: "Next",
  back: "Back",
  submit: "Submit",
  saving: "Saving…",
  retry: "Try again",
  continue: "Continue",
  required: "required",
  requiredHint: "Questions marked * are required.",
  other: "Other",
  otherSpecify: "Please specify",
  selectPlaceholder: "Select an answer…",
  consentAgree: "I agree",
  pageOf: (page, total) => `Page ${page} of ${total}`,
  aboutMinutes: (minutes) => (minutes === 1 ? "About 1 minute" : `About ${minutes} minutes`),
  lowLabelFallback: "Lowest",
  highLabelFallback: "Highest",
  errors: {
    required: "Please answer this question.",
    matrixRow: (row) => `Please answer “${row}”.`,
    otherEmpty: "Please say what “Other” is.",
    email: "Please enter a valid email address, like name@example.com.",
    number: "Please enter a number.",
    integer: "Please enter a whole number.",
    range: (min, max) =>
      min !== undefined && max !== undefined
        ? `Please enter a value from ${min} to ${max}.`
        : min !== undefined
          ? `Please enter ${min} or more.`
          : `Please enter ${max} or less.`,
    tooFew: (min) => (min === 1 ? "Please select at least one option." : `Please select at least ${min} options.`),
    tooMany: (max) => (max === 1 ? "Please select only one option." : `Please select at most ${max} options.`),
    tooLong: (max) => `Please use at most ${max} characters.`,
    date: "Please enter a valid date.",
    consent: "Please give your consent to continue.",
    fixCount: (count) => (count === 1 ? "Please check 1 answer on this page." : `Please check ${count} answers on this page.`),
    network: "We couldn’t reach the server. Your answers are kept on this device — check your connection and try again.",
    server: "Something went wrong while saving. Your answers are kept on this device — please try again.",
    rejected: "Some answers couldn’t be accepted. Please check them.",
  },
  notFound: {
    title: "Survey not found",
    body: "This link doesn’t lead to a survey. Check that you copied the whole address.",
  },
  loadFailed: { title: "The survey didn’t load", body: "Check your connection and try again." },
  notSent: {
    title: "Your answers haven’t been sent yet",
    body: "They are saved on this device, but the survey couldn’t receive them right now. Please try again in a moment.",
  },
  closedFallback: { title: "This survey is closed", body: "It is no longer accepting responses. Thank you for stopping by." },
};

const de: Strings = {
  loading: "Umfrage wird geladen…",
  next: "Weiter",
  back: "Zurück",
  submit: "Absenden",
  saving: "Wird gespeichert…",
  retry: "Erneut versuchen",
  continue: "Weiter",
  required: "Pflichtfeld",
  requiredHint: "Mit * markierte Fragen sind Pflichtfragen.",
  other: "Sonstiges",
  otherSpecify: "Bitte angeben",
  selectPlaceholder: "Antwort auswählen…",
  consentAgree: "Ich stimme zu",
  pageOf: (page, total) => `Seite ${page} von ${total}`,
  aboutMinutes: (minutes) => (minutes === 1 ? "Etwa 1 Minute" : `Etwa ${minutes} Minuten`),
  lowLabelFallback: "Niedrigste",
  highLabelFallback: "Höchste",
  errors: {
    required: "Bitte beantworten Sie diese Frage.",
    matrixRow: (row) => `Bitte beantworten Sie „${row}“.`,
    otherEmpty: "Bitte geben Sie an, was „Sonstiges“ ist.",
    email: "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
    number: "Bitte geben Sie eine Zahl ein.",
    integer: "Bitte geben Sie eine ganze Zahl ein.",
    range: (min, max) =>
      min !== undefined && max !== undefined
        ? `Bitte geben Sie einen Wert von ${min} bis ${max} ein.`
        : min !== undefined
          ? `Bitte geben Sie ${min} oder mehr ein.`
          : `Bitte geben Sie ${max} oder weniger ein.`,
    tooFew: (min) => (min === 1 ? "Bitte wählen Sie mindestens eine Option." : `Bitte wählen Sie mindestens ${min} Optionen.`),
    tooMany: (max) => (max === 1 ? "Bitte wählen Sie nur eine Option." : `Bitte wählen Sie höchstens ${max} Optionen.`),
    tooLong: (max) => `Bitte verwenden Sie höchstens ${max} Zeichen.`,
    date: "Bitte geben Sie ein gültiges Datum ein.",
    consent: "Bitte stimmen Sie zu, um fortzufahren.",
    fixCount: (count) =>
      count === 1 ? "Bitte prüfen Sie 1 Antwort auf dieser Seite." : `Bitte prüfen Sie ${count} Antworten auf dieser Seite.`,
    network:
      "Der Server ist nicht erreichbar. Ihre Antworten bleiben auf diesem Gerät gespeichert – prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    server:
      "Beim Speichern ist ein Fehler aufgetreten. Ihre Antworten bleiben auf diesem Gerät gespeichert – bitte versuchen Sie es erneut.",
    rejected: "Einige Antworten konnten nicht angenommen werden. Bitte prüfen Sie sie.",
  },
  notFound: {
    title: "Umfrage nicht gefunden",
    body: "Unter diesem Link gibt es keine Umfrage. Prüfen Sie, ob Sie die ganze Adresse kopiert haben.",
  },
  loadFailed: { title: "Die Umfrage wurde nicht geladen", body: "Prüfen Sie Ihre Verbindung und versuchen Sie es erneut." },
  notSent: {
    title: "Ihre Antworten wurden noch nicht gesendet",
    body: "Sie sind auf diesem Gerät gespeichert, konnten aber gerade nicht übermittelt werden. Bitte versuchen Sie es gleich noch einmal.",
  },
  closedFallback: {
    title: "Diese Umfrage ist geschlossen",
    body: "Sie nimmt keine Antworten mehr entgegen. Danke für Ihr Interesse.",
  },
};

const fr: Strings = {
  loading: "Chargement du questionnaire…",
  next: "Suivant",
  back: "Retour",
  submit: "Envoyer",
  saving: "Enregistrement…",
  retry: "Réessayer",
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
    network:
      "Impossible de joindre le serveur. Vos réponses restent sur cet appareil — vérifiez votre connexion et réessayez.",
    server: "Une erreur s’est produite lors de l’enregistrement. Vos réponses restent sur cet appareil — veuillez réessayer.",
    rejected: "Certaines réponses n’ont pas pu être acceptées. Veuillez les vérifier.",
  },
  notFound: {
    title: "Questionnaire introuvable",
    body: "Ce lien ne mène à aucun questionnaire. Vérifiez que vous avez copié l’adresse complète.",
  },
  loadFailed: { title: "Le questionnaire ne s’est pas chargé", body: "Vérifiez votre connexion et réessayez." },
  notSent: {
    title: "Vos réponses n’ont pas encore été envoyées",
    body: "Elles sont enregistrées sur cet appareil, mais le questionnaire n’a pas pu les recevoir pour l’instant. Veuillez réessayer dans un instant.",
  },
  closedFallback: {
    title: "Ce questionnaire est clos",
    body: "Il n’accepte plus de réponses. Merci de votre visite.",
  },
};

const es: Strings = {
  loading: "Cargando la encuesta…",
  next: "Siguiente",
  back: "Atrás",
  submit: "Enviar",
  saving: "Guardando…",
  retry: "Reintentar",
  continue: "Continuar",
  required: "obligatoria",
  requiredHint: "Las preguntas marcadas con * son obligatorias.",
  other: "Otro",
  otherSpecify: "Especifique",
  selectPlaceholder: "Elija una respuesta…",
  consentAgree: "Acepto",
  pageOf: (page, total) => `Página ${page} de ${total}`,
  aboutMinutes: (minutes) => (minutes === 1 ? "Aproximadamente 1 minuto" : `Aproximadamente ${minutes} minutos`),
  lowLabelFallback: "Mínimo",
  highLabelFallback: "Máximo",
  errors: {
    required: "Responda a esta pregunta.",
    matrixRow: (row) => `Responda a «${row}».`,
    otherEmpty: "Indique qué es «Otro».",
    email: "Introduzca una dirección de correo válida, como nombre@ejemplo.com.",
    number: "Introduzca un número.",
    integer: "Introduzca un número entero.",
    range: (min, max) =>
      min !== undefined && max !== undefined
        ? `Introduzca un valor entre ${min} y ${max}.`
        : min !== undefined
          ? `Introduzca ${min} o más.`
          : `Introduzca ${max} o menos.`,
    tooFew: (min) => (min === 1 ? "Seleccione al menos una opción." : `Seleccione al menos ${min} opciones.`),
    tooMany: (max) => (max === 1 ? "Seleccione solo una opción." : `Seleccione como máximo ${max} opciones.`),
    tooLong: (max) => `Use como máximo ${max} caracteres.`,
    date: "Introduzca una fecha válida.",
    consent: "Dé su consentimiento para continuar.",
    fixCount: (count) =>
      count === 1 ? "Revise 1 respuesta en esta página." : `Revise ${count} respuestas en esta página.`,
    network:
      "No se pudo contactar con el servidor. Sus respuestas se guardan en este dispositivo: compruebe su conexión e inténtelo de nuevo.",
    server: "Algo salió mal al guardar. Sus respuestas se guardan en este dispositivo: inténtelo de nuevo.",
    rejected: "Algunas respuestas no se pudieron aceptar. Revíselas.",
  },
  notFound: {
    title: "Encuesta no encontrada",
    body: "Este enlace no lleva a ninguna encuesta. Compruebe que ha copiado la dirección completa.",
  },
  loadFailed: { title: "La encuesta no se ha cargado", body: "Compruebe su conexión e inténtelo de nuevo." },
  notSent: {
    title: "Sus respuestas aún no se han enviado",
    body: "Están guardadas en este dispositivo, pero la encuesta no ha podido recibirlas ahora mismo. Inténtelo de nuevo en un momento.",
  },
  closedFallback: {
    title: "Esta encuesta está cerrada",
    body: "Ya no acepta respuestas. Gracias por su interés.",
  },
};

const byLanguage: Record<Language, Strings> = { en, de, fr, es };

/** The UI strings for a survey's language; unknown languages fall back to English. */
export function stringsFor(language: string | undefined): Strings {
  return language !== undefined && isLanguage(language) ? byLanguage[language] : en;
}

function isLanguage(value: string): value is Language {
  return Object.hasOwn(byLanguage, value);
}

/** Best guess before the survey has loaded (for the loading and not-found screens). */
export function browserStrings(): Strings {
  return stringsFor(navigator.language.slice(0, 2).toLowerCase());
}
