// `npm run org:create -- --from org.json`: one more organization on this server, isolated like every other.
import { setupFromFile } from "./setup-from-file";

process.exit(await setupFromFile({ command: "org:create", another: true }));
