import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionCookie } from "@/lib/auth/cookies";
import { clientIpFrom } from "@/lib/auth/request-ip";
import { db } from "@/lib/db/client";

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
const cookie = sessionCookie();

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  useSecureCookies: cookie.secure,
  cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
  logger: {
    // A wrong password is an ordinary event (audited in authenticate.ts), not a server error.
    error(error) {
      // Expired or forged session cookies (JWTSessionError) just mean "signed out".
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || type === "JWTSessionError") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const ip = clientIpFrom(request.headers);
        const result = await authenticate(db(), {
          email: String(credentials?.email ?? ""),
          password: String(credentials?.password ?? ""),
          ip,
        });
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // At sign-in only: when this session began (ms), kept as the token is refreshed
      // (its iat is not), so a password reset can end sessions begun before it.
      if (user?.id) Object.assign(token, { sub: user.id, signedInAt: Date.now() });
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, { signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : 0 });
    },
  },
});
