import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP listener on 127.0.0.1 for the email tests: what arrives is parsed with
 * mailparser. The job queue is shared by every test file, so a test counts only the
 * mail sent to its own address (`mailTo`).
 */
export function smtpInbox() {
  const inbox: ParsedMail[] = [];
  let server: SMTPServer | null = null;
  const box = {
    inbox,
    port: 0,
    /** Starts listening (again on `onPort`, to bring a "downed" server back). */
    listen(onPort = 0): Promise<void> {
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream).then((mail) => {
            inbox.push(mail);
            callback();
          }, callback);
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
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    mailTo: (email: string) => inbox.filter((m) => (m.to && !Array.isArray(m.to) ? m.to.text : "") === email),
  };
  return box;
}
