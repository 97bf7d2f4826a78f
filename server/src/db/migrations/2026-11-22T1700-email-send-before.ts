import type { Kysely } from "kysely";

/**
 * An email's last useful moment: `send_before` (ISO-8601 UTC, like the other timestamps),
 * null for mail that is never too late. An interview reminder is worth sending only before
 * the interview starts; when the mail worker was down, or SMTP kept failing and the retries
 * backed off, past that moment, "your interview starts in an hour" would arrive after it
 * began. The worker's claim cancels such rows instead of sending them. Nullable, so rows
 * queued before this migration keep their behaviour.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("emails").addColumn("send_before", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("emails").dropColumn("send_before").execute();
}
