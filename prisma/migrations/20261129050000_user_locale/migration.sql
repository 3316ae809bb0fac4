-- A person's language for screens, notifications and exports (issue 11). NULL: follow the browser's
-- Accept-Language. Only languages with a message catalog (lib/i18n/config.ts LOCALES) are accepted.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_locale_known" CHECK ("locale" IS NULL OR "locale" IN ('en', 'nl'));
