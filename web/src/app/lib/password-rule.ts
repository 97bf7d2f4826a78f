// The server's password rule, mirrored so the form can say so before a round trip.
// (A native `minlength` only fires after the user has typed, not on pasted or filled values.)
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`;

/** A sentence saying what is wrong with a new password, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  return password.length < PASSWORD_MIN_LENGTH
    ? `Use a password of at least ${PASSWORD_MIN_LENGTH} characters (this one has ${password.length}).`
    : undefined;
}
