-- The first answer to a POST sent with an Idempotency-Key, kept 24 h per user and key, so a retried
-- request is answered from here instead of running twice (lib/http/idempotency.ts).
-- The body is kept as the exact JSON text sent (jsonb would reorder keys: a replay must be byte-identical).
-- No foreign key to "User": rows are short-lived and pruned by age, and a claim must never wait on
-- a lock of the user row.
CREATE TABLE "IdempotencyKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "committedAt" TIMESTAMP(3),
    "status" INTEGER,
    "body" TEXT,
    "headers" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId", "key")
);

CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");
