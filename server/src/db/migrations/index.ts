/** Every migration, in order. Names sort by time; a migration never changes once released. */
import type { Migration } from "kysely";
import * as foundation from "./2026-11-22T1000-foundation.js";
import * as responses from "./2026-11-22T1100-responses.js";
import * as resultLinks from "./2026-11-22T1200-result-links.js";
import * as interviews from "./2026-11-22T1300-interviews.js";
import * as resultRollups from "./2026-11-22T1400-result-rollups.js";
import * as bookingOffers from "./2026-11-22T1500-booking-offers.js";
import * as answerIndexes from "./2026-11-22T1600-answer-indexes.js";
import * as emailSendBefore from "./2026-11-22T1700-email-send-before.js";

export const migrations: Record<string, Migration> = {
  "2026-11-22T1000-foundation": foundation,
  "2026-11-22T1100-responses": responses,
  "2026-11-22T1200-result-links": resultLinks,
  "2026-11-22T1300-interviews": interviews,
  "2026-11-22T1400-result-rollups": resultRollups,
  "2026-11-22T1500-booking-offers": bookingOffers,
  "2026-11-22T1600-answer-indexes": answerIndexes,
  "2026-11-22T1700-email-send-before": emailSendBefore,
};
