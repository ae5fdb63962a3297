// Letter documents benchmark: one letter PDF, and "print today's letters" for 1,000 letters.
import { benchLetterPdf, benchPrintBatch } from "@/tooling/bench/letter-pdf";

const single = await benchLetterPdf({ runs: 60 });
console.log(
  `letter PDF: median ${single.medianMs.toFixed(1)} ms, p95 ${single.p95Ms.toFixed(1)} ms over ${single.runs} renders (budget 100 ms)`,
);
let last = 0;
const batch = await benchPrintBatch({
  count: Number(process.argv[2] ?? 1000),
  onProgress: (done, total) => {
    if (done - last >= total / 10 || done === total) {
      last = done;
      process.stdout.write(`  ${done}/${total}\n`);
    }
  },
});
console.log(
  `print ${batch.letters} letters: ${batch.seconds.toFixed(1)} s, ${(batch.bytes / 1024 / 1024).toFixed(1)} MB (budget 60 s)`,
);
