-- Stations (issue 14 part 1, docs/stations.md): a shared tablet signed in for one or more work
-- centers; operators identify on it by badge or PIN and get a short, station-bound session.
ALTER TABLE "User" ADD COLUMN "pinHash" TEXT;
ALTER TABLE "User" ADD COLUMN "badgeHash" TEXT;
CREATE UNIQUE INDEX "User_badgeHash_key" ON "User"("badgeHash");

CREATE TABLE "Station" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Station_name_key" ON "Station"("name");

CREATE TABLE "StationWorkCenter" (
    "stationId" TEXT NOT NULL,
    "workCenterId" TEXT NOT NULL,

    CONSTRAINT "StationWorkCenter_pkey" PRIMARY KEY ("stationId","workCenterId")
);
CREATE INDEX "StationWorkCenter_workCenterId_idx" ON "StationWorkCenter"("workCenterId");
ALTER TABLE "StationWorkCenter" ADD CONSTRAINT "StationWorkCenter_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StationWorkCenter" ADD CONSTRAINT "StationWorkCenter_workCenterId_fkey" FOREIGN KEY ("workCenterId") REFERENCES "WorkCenter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "StationSession" (
    "id" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "openedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "StationSession_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StationSession_tokenHash_key" ON "StationSession"("tokenHash");
CREATE INDEX "StationSession_stationId_idx" ON "StationSession"("stationId");
ALTER TABLE "StationSession" ADD CONSTRAINT "StationSession_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StationSession" ADD CONSTRAINT "StationSession_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "UserSession" ADD COLUMN "stationSessionId" TEXT;
CREATE INDEX "UserSession_stationSessionId_idx" ON "UserSession"("stationSessionId");
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_stationSessionId_fkey" FOREIGN KEY ("stationSessionId") REFERENCES "StationSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
