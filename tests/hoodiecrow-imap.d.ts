// hoodiecrow-imap ships no types: the little the IMAP test uses of it.
declare module "hoodiecrow-imap" {
  import type { Server } from "node:net";

  interface HoodiecrowServer {
    server: Server;
    storage: Record<string, { messages: { raw: string; flags: string[] }[] }>;
    listen(port: number, host: string, callback: () => void): void;
  }
  export default function hoodiecrow(options: {
    plugins?: string[];
    storage?: Record<string, { messages: { raw: string; flags: string[] }[] }>;
  }): HoodiecrowServer;
}
