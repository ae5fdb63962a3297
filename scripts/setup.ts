// `npm run setup -- --from setup.json`: sets up an empty server headless (docs/operations.md, "Your own company").
import { setupFromFile } from "./setup-from-file";

process.exit(await setupFromFile({ command: "setup", another: false }));
