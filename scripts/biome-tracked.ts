// `npm run lint`: Biome over the files git tracks, not the whole folder. A scratch file left
// untracked in a checkout is nobody's code yet and must not fail `npm test`; a new file counts
// once it is `git add`ed. Outside a git checkout (an unpacked tarball) it checks everything.
import { spawnSync } from "node:child_process";

const listed = spawnSync("git", ["ls-files", "-z", "--cached"], { encoding: "utf8" });
const files = listed.status === 0 ? listed.stdout.split("\0").filter(Boolean) : ["."];
// Biome's own includes (biome.json) still apply; files it does not handle are skipped, not errors.
const args = [
  "biome",
  "ci",
  "--no-errors-on-unmatched",
  "--files-ignore-unknown=true",
  ...process.argv.slice(2),
  ...files,
];
const result = spawnSync("npx", args, { stdio: "inherit" });
process.exit(result.status ?? 1);
