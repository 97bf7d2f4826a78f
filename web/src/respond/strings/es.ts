// Spanish UI strings of the respondent page: a chunk of its own, fetched only for a survey
// in Spanish (or, before any survey has loaded, for a browser set to Spanish).
import type { LanguageStrings } from "../i18n";

const es: LanguageStrings = {
  retry: "Reintentar",
  notFound: {
    title: "Encuesta no encontrada",
    body: "Este enlace no lleva a ninguna encuesta. Compruebe que ha copiado la dirección completa.",
  },
  loadFailed: { title: "La encuesta no se ha cargado", body: "Compruebe su conexión e inténtelo de nuevo." },
  closedFallback: {
    title: "Esta encuesta está cerrada",
    body: "Ya no acepta respuestas. Gracias por su interés.",
  },
  next: "Siguiente",
  back: "Atrás",
  submit: "Enviar",
  saving: "Guardando…",
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
    server: "Algo salió mal al guardar. Sus respuestas se guardan en este dispositivo: inténtelo de nuevo.",
    rejected: "Algunas respuestas no se pudieron aceptar. Revíselas.",
  },
  saved: "Respuestas guardadas",
  retrying: "No se pudo guardar ahora: se volverá a intentar en breve",
  offline: "Está sin conexión: sus respuestas se guardan en este dispositivo y se enviarán cuando vuelva a estar en línea.",
  notSent: {
    title: "Sus respuestas aún no se han enviado",
    body: "Están guardadas en este dispositivo. Seguiremos intentando enviarlas; también puede reintentarlo ahora.",
  },
  alreadyResponded: { title: "Ya ha participado", body: "Gracias: ya tenemos su respuesta a esta encuesta." },
  booking: {
    title: "Elija un horario para una breve entrevista",
    body: "Cumple los requisitos para una conversación de seguimiento. Elija ahora el momento que mejor le venga, o más tarde con el enlace que le enviaremos por correo.",
    action: "Elegir horario de entrevista",
  },
};

export default es;
