/**
 * The interview pipeline of one invitation: invited → booked → completed | no_show |
 * declined | cancelled. Booking is the respondent's move (through their link); the rest the
 * researcher sets, including corrections (a no-show who turns up late becomes completed).
 */

export const INTERVIEW_STATUSES = ["invited", "booked", "completed", "no_show", "declined", "cancelled"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

const researcherMoves: Record<InterviewStatus, readonly InterviewStatus[]> = {
  invited: ["declined", "cancelled"],
  booked: ["completed", "no_show", "declined", "cancelled"],
  completed: ["no_show"],
  no_show: ["completed", "invited"],
  declined: ["invited"],
  cancelled: ["invited"],
};

/** Whether a researcher may move an invitation from `from` to `to`. Example: `canResearcherMove("booked", "completed") === true`. */
export function canResearcherMove(from: InterviewStatus, to: InterviewStatus): boolean {
  return researcherMoves[from].includes(to);
}

/** Whether the respondent may (re)book a slot with their link. Example: `isBookable("cancelled") === true`. */
export function isBookable(status: InterviewStatus): boolean {
  return status === "invited" || status === "cancelled" || status === "declined";
}

/** Whether an invitation in `status` holds a slot. */
export function holdsSlot(status: InterviewStatus): boolean {
  return status === "booked";
}
