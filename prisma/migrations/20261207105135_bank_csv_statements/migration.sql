-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'bank_statement';

-- AlterTable
ALTER TABLE "bank_statements" ADD COLUMN     "csv_columns" JSONB;
