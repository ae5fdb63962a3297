/**
 * What the sign-in form shows after a refused attempt: the message and the email typed (kept in
 * the field). Its own file, so the client form imports no server module for it.
 */
export type SignInState = { message: string; email: string } | undefined;
