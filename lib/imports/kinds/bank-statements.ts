import { storeBankStatement } from "@/lib/bank/receive-bank-statement";
import { recordStatementLines } from "@/lib/bank/record-statement-lines";
import type { ParsedStatement } from "@/lib/bank/statement-lines";
import { clockNow, todayIn } from "@/lib/time/dates";
import { bankLineFromRow, type CsvStatementLine, statementFromCsvLines } from "../bank-statement-rows";
import { readImportFile } from "../import-file";
import type { ImportKindHandler, RowProblem } from "../import-kind";

export interface BankStatementState {
  lines: CsvStatementLine[];
}

/**
 * A bank's CSV export, mapped on the Import page like any file: each batch is
 * only read (its problems named by row and column); after the last batch the
 * whole file is one statement, stored with its bytes (source "import", format
 * "csv") and recorded once, in the import's commit transaction, by the same
 * recordStatementLines as a camt file: duplicates, matching rules, review queue
 * and "payments known up to" (the statement's to-date) alike.
 */
export const bankStatementsKind: ImportKindHandler<ParsedStatement, BankStatementState> = {
  newState: () => ({ lines: [] }),

  async validate(_tx, ctx, rows, state) {
    const problems: RowProblem[] = [];
    for (const row of rows) {
      const read = bankLineFromRow(row, ctx);
      problems.push(...read.problems);
      if (read.line) state.lines.push(read.line);
    }
    return { valid: [], problems };
  },

  async finish(_tx, _ctx, state) {
    return { valid: state.lines.length ? [statementFromCsvLines(state.lines)] : [], problems: [] };
  },

  async write(tx, ctx, statements) {
    let created = 0;
    for (const parsed of statements) {
      const imp = await tx.import.findUniqueOrThrow({
        where: { id: ctx.importId },
        select: { fileName: true, org: { select: { timeZone: true } } },
      });
      const chunks: Uint8Array[] = [];
      for await (const chunk of readImportFile(tx, ctx.importId)) chunks.push(chunk);
      const stored = await storeBankStatement(tx, {
        orgId: ctx.orgId,
        actor: { userId: ctx.userId },
        bytes: Buffer.concat(chunks),
        fileName: imp.fileName,
        contentType: "text/csv",
        source: "import",
      });
      const now = clockNow();
      const done = await recordStatementLines(
        tx,
        { orgId: ctx.orgId, statementId: stored.id, userId: ctx.userId, today: todayIn(imp.org.timeZone, now), now },
        parsed,
      );
      // Lines seen in an earlier statement are the import's "unchanged" rows.
      created += done.counts.lines - done.counts.duplicates;
    }
    return { created, updated: 0 };
  },
};
