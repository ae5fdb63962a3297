-- CreateTable
CREATE TABLE "org_email_settings" (
    "org_id" UUID NOT NULL,
    "smtp_host" TEXT NOT NULL,
    "smtp_port" INTEGER NOT NULL,
    "smtp_security" TEXT NOT NULL,
    "smtp_user" TEXT NOT NULL DEFAULT '',
    "smtp_password_sealed" TEXT,
    "from_name" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "accent_color" TEXT NOT NULL DEFAULT '#0f172a',
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_email_settings_pkey" PRIMARY KEY ("org_id")
);

-- AddForeignKey
ALTER TABLE "org_email_settings" ADD CONSTRAINT "org_email_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_email_settings" ADD CONSTRAINT "org_email_settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
