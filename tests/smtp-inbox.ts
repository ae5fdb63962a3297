import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as it arrived: parsed, and its raw source for checking the MIME structure. */
export type ArrivedMail = ParsedMail & { source: string };

/**
 * A real SMTP listener on 127.0.0.1 for the email tests: what arrives is parsed with
 * mailparser. The job queue is shared by every test file, so a test counts only the
 * mail sent to its own address (`mailTo`). With `auth`, the server wants that user name
 * and password (AUTH PLAIN/LOGIN over the plain connection) and answers 535 otherwise.
 */
export function smtpInbox(opts: { auth?: { user: string; pass: string } } = {}) {
  const inbox: ArrivedMail[] = [];
  let server: SMTPServer | null = null;
  const box = {
    inbox,
    port: 0,
    /** Starts listening (again on `onPort`, to bring a "downed" server back). */
    listen(onPort = 0): Promise<void> {
      const s = new SMTPServer({
        authOptional: !opts.auth,
        allowInsecureAuth: true,
        authMethods: ["PLAIN", "LOGIN"],
        disabledCommands: ["STARTTLS"],
        logger: false,
        onAuth(auth, _session, callback) {
          if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass)
            return callback(null, { user: auth.username });
          return callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
        },
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            const source = Buffer.concat(chunks);
            simpleParser(source).then((mail) => {
              inbox.push(Object.assign(mail, { source: source.toString("latin1") }));
              callback();
            }, callback);
          });
        },
      });
      server = s;
      return new Promise((resolve) =>
        s.listen(onPort, "127.0.0.1", () => {
          box.port = (s.server.address() as AddressInfo).port;
          resolve();
        }),
      );
    },
    /** Lets the process end while the listener is open (a file-wide listener nobody closes). */
    unref: () => server?.server.unref(),
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    mailTo: (email: string) => inbox.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : "") === email),
  };
  return box;
}
