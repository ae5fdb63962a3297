// What an SMTP server said, for a person: the server's own reply line kept verbatim
// (it is what their mail provider's support will ask for), with one sentence before it
// saying what went wrong in plain words. Nodemailer puts the failing step in `code`
// (EAUTH, ECONNECTION, ETIMEDOUT, EDNS, ETLS, ...) and the server's line in `response`.

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

function meaning(e: SmtpFailure): string {
  const message = e.message ?? "";
  if (e.code === "EAUTH")
    return e.responseCode === 530 || /required/i.test(message)
      ? "The server wants a user name and password."
      : "The server refused the user name or password.";
  if (e.code === "EDNS" || /ENOTFOUND|EAI_AGAIN/.test(message)) return "The server's name could not be found.";
  if (/ECONNREFUSED/.test(message)) return "Nothing answers at that server and port.";
  if (e.code === "ETIMEDOUT" || /timeout|ETIMEDOUT/i.test(message))
    return "The server did not answer in time (wrong port, or a firewall in between).";
  if (/STARTTLS/i.test(message) || e.code === "ETLS")
    return "The connection could not be secured as chosen (check the security setting against the port).";
  if (/wrong version number|certificate|self[- ]signed|SSL|TLS/i.test(message))
    return "The secure connection failed (check the security setting against the port, and the server's certificate).";
  if (e.code === "EENVELOPE" || e.command === "RCPT TO" || e.command === "MAIL FROM")
    return "The server refused the sender or the recipient.";
  if (e.code === "EMESSAGE" || e.command === "DATA") return "The server refused the message.";
  return "The message could not be sent.";
}

/** "The server refused the user name or password. The server answered: 535 5.7.8 Authentication failed". */
export function describeSmtpFailure(error: unknown): string {
  const e = (error ?? {}) as SmtpFailure;
  const answer = e.response?.trim() || e.message?.trim() || String(error);
  return `${meaning(e)} The server answered: ${answer.replace(/\s+/g, " ").slice(0, 400)}`;
}
