-- @socket.io/postgres-adapter: large broadcast payloads travel through this table (NOTIFY carries
-- at most 8000 bytes) and its cleanup job expects the table to exist. Not a Prisma model.
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
    "id"         BIGSERIAL UNIQUE,
    "created_at" TIMESTAMPTZ DEFAULT NOW(),
    "payload"    BYTEA
);
