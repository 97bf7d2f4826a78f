/**
 * Test support, never imported by production code: a real SMTP server (smtp-server) on
 * 127.0.0.1 that keeps every message it accepts, parsed with mailparser. It can go down and
 * come back on the same port, and refuse chosen recipients with a permanent 550.
 */
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type ReceivedMail = { envelope: { from: string; to: string[] }; raw: string; parsed: ParsedMail };

export type TestSmtpServer = {
  port: number;
  url: string;
  messages: ReceivedMail[];
  /** Recipients answered with 550 (permanent). */
  reject: Set<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const reject = new Set<string>();
  let server: SMTPServer | null = null;
  let port = 0;

  const start = () =>
    new Promise<void>((resolve, reject_) => {
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ["AUTH", "STARTTLS"],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (reject.has(address.address.toLowerCase())) {
            const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
            return callback(error);
          }
          callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            simpleParser(raw).then(
              (parsed) => {
                messages.push({
                  envelope: {
                    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                    to: session.envelope.rcptTo.map((r) => r.address),
                  },
                  raw,
                  parsed,
                });
                callback();
              },
              (error: Error) => callback(error),
            );
          });
        },
      });
      s.on("error", () => undefined);
      s.server.once("error", reject_);
      s.listen(port, "127.0.0.1", () => {
        const address = s.server.address();
        if (address && typeof address === "object") port = address.port;
        server = s;
        resolve();
      });
    });

  await start();
  const self: TestSmtpServer = {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    reject,
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        s.close(() => resolve());
      }),
    start,
  };
  return self;
}
