import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CustomerForm } from "@/components/customer-form";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { customerFormOptions, getCustomerFormValues } from "@/lib/customers/get-customer-form";
import { AppError } from "@/lib/errors/app-error";
import { bindAction } from "@/lib/server-actions/bind";

const updateCustomerAction = bindAction("customers.update");

export const metadata: Metadata = { title: "Edit customer" };

export default async function EditCustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const user = await requireUser();
  if (!z.uuid().safeParse(customerId).success) notFound();
  const values = await getCustomerFormValues({ orgId: user.orgId, customerId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!canWork(user.role))
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Your role can view customers but not change them. Ask an administrator.
      </p>
    );
  const options = customerFormOptions();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link href={`/customers/${customerId}`} className="text-sm text-slate-600 hover:underline">
          ← {values.name}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Edit customer</h1>
        <p className="text-sm text-slate-500">
          Every change is in the audit log with the values before and after. Letters already sent keep their text and
          PDF.
        </p>
      </div>
      <CustomerForm
        action={updateCustomerAction}
        values={values}
        customerId={customerId}
        countries={options.countries}
        currencies={options.currencies}
      />
    </div>
  );
}
