-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "formData" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ItemVersion" ADD COLUMN     "formFields" JSONB NOT NULL DEFAULT '[]';


