import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportChangesList } from "@/components/import-changes";
import { ImportCommitForm } from "@/components/import-commit-form";
import { ImportHeaderRowForm } from "@/components/import-header-row-form";
import { ImportMappingForm } from "@/components/import-mapping-form";
import { ImportPreview } from "@/components/import-preview";
import { ImportProblems } from "@/components/import-problems";
import { ImportProgress } from "@/components/import-progress";
import { ImportSummary } from "@/components/import-summary";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { IMPORT_FIELDS } from "@/lib/imports/fields";
import type { ImportChanges } from "@/lib/imports/invoice-changes";
import { getImportFirstRows, getImportPage } from "@/lib/imports/pages";
import { bindAction } from "@/lib/server-actions/bind";

const checkImportAction = bindAction("imports.check");
const chooseHeaderRowAction = bindAction("imports.headerRow");
const commitImportAction = bindAction("imports.commit");

export const metadata: Metadata = { title: "Import" };

export default async function ImportStepPage({ params }: { params: Promise<{ importId: string }> }) {
  const user = await requireUser();
  const { importId } = await params;
  const imp = await getImportPage(user, importId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { headers, options, problems, changes, preview, notices } = imp;
  const mayWork = canWork(user.role);
  const editable = mayWork && (imp.status === "UPLOADED" || imp.status === "VALIDATED" || imp.status === "FAILED");
  const firstRows = editable ? await getImportFirstRows(user, importId).catch(() => []) : [];
  const separator = { ",": "comma", ";": "semicolon", "\t": "tab" }[options.delimiter];
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/import" className="text-brand-700 hover:underline">
            Import
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{imp.fileName}</h1>
        <p className="text-sm text-slate-500">
          <span className="capitalize">{imp.kind.replace("_", " ")}</span> ·{" "}
          {(imp.byteSize / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KB ·{" "}
          {imp.encoding === "utf-8" ? "UTF-8" : "Windows-1252"} · {separator} separated · {headers.length} columns
        </p>
      </div>
      {imp.status === "COMMITTED" && (
        <ImportSummary
          kind={imp.kind}
          created={imp.createdCount}
          updated={imp.updatedCount}
          unchanged={imp.unchangedCount}
        />
      )}
      {(imp.status === "VALIDATING" || imp.status === "COMMITTING") && (
        <ImportProgress
          importId={imp.id}
          status={imp.status}
          bytesRead={imp.bytesRead}
          byteSize={imp.byteSize}
          label={imp.status === "VALIDATING" ? "Checking every row…" : "Importing (all or nothing)…"}
        />
      )}
      {imp.status === "FAILED" && imp.error && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {imp.error}
        </p>
      )}
      {imp.status === "VALIDATED" && imp.problemCount === 0 && mayWork && (
        <ImportCommitForm
          importId={imp.id}
          rows={imp.rowCount}
          kind={imp.kind}
          changes={changes.invoices ?? 0}
          action={commitImportAction}
        />
      )}
      {imp.status === "VALIDATED" && (changes.invoices ?? 0) > 0 && (
        <ImportChangesList changes={changes as ImportChanges} />
      )}
      {(imp.status === "VALIDATED" || imp.status === "FAILED") && imp.problemCount > 0 && (
        <ImportProblems problems={problems} total={imp.problemCount} />
      )}
      {imp.status === "VALIDATED" && (
        <ImportPreview fields={IMPORT_FIELDS[imp.kind]} rows={preview} notices={notices} />
      )}
      {editable && firstRows.length > 0 && (
        <ImportHeaderRowForm
          importId={imp.id}
          headerLine={options.headerLine ?? 1}
          rows={firstRows}
          action={chooseHeaderRowAction}
        />
      )}
      {editable && (
        <ImportMappingForm
          importId={imp.id}
          fields={IMPORT_FIELDS[imp.kind]}
          headers={headers}
          mapping={imp.mapping}
          options={options}
          kind={imp.kind}
          action={checkImportAction}
        />
      )}
    </div>
  );
}
