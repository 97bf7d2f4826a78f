// German UI strings of the respondent page: a chunk of its own, fetched only for a survey
// in German (or, before any survey has loaded, for a browser set to German).
import type { LanguageStrings } from "../i18n";

const de: LanguageStrings = {
  retry: "Erneut versuchen",
  notFound: {
    title: "Umfrage nicht gefunden",
    body: "Unter diesem Link gibt es keine Umfrage. Prüfen Sie, ob Sie die ganze Adresse kopiert haben.",
  },
  loadFailed: { title: "Die Umfrage wurde nicht geladen", body: "Prüfen Sie Ihre Verbindung und versuchen Sie es erneut." },
  closedFallback: {
    title: "Diese Umfrage ist geschlossen",
    body: "Sie nimmt keine Antworten mehr entgegen. Danke für Ihr Interesse.",
  },
  next: "Weiter",
  back: "Zurück",
  submit: "Absenden",
  saving: "Wird gespeichert…",
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
    server:
      "Beim Speichern ist ein Fehler aufgetreten. Ihre Antworten bleiben auf diesem Gerät gespeichert – bitte versuchen Sie es erneut.",
    rejected: "Einige Antworten konnten nicht angenommen werden. Bitte prüfen Sie sie.",
  },
  saved: "Antworten gespeichert",
  retrying: "Speichern gerade nicht möglich – neuer Versuch in Kürze",
  offline: "Sie sind offline – Ihre Antworten sind auf diesem Gerät gespeichert und werden gesendet, sobald Sie wieder online sind.",
  notSent: {
    title: "Ihre Antworten wurden noch nicht gesendet",
    body: "Sie sind auf diesem Gerät gespeichert. Wir versuchen weiter, sie zu senden – Sie können es auch jetzt erneut versuchen.",
  },
  alreadyResponded: {
    title: "Sie haben bereits teilgenommen",
    body: "Vielen Dank – Ihre Antwort auf diese Umfrage liegt uns bereits vor.",
  },
  booking: {
    title: "Wählen Sie einen Termin für ein kurzes Interview",
    body: "Sie kommen für ein Folgegespräch infrage. Wählen Sie jetzt einen passenden Termin – oder später über den Link, den wir Ihnen per E-Mail schicken.",
    action: "Interviewtermin wählen",
  },
};

export default de;
