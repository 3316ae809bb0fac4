// The station API as the station screens receive it (import type only: the services' return types).
import type { QueueItem } from "@/lib/stations/queue";
import type { StationState as StationStateRow } from "@/lib/stations/state";
import type { StationView } from "@/lib/stations/stations";
import type { Jsonify } from "@/types/json";

/** GET /api/station */
export type StationState = Jsonify<StationStateRow>;
/** GET /api/station/queue */
export type StationQueue = { items: Jsonify<QueueItem>[]; total: number };
export type QueueEntry = StationQueue["items"][number];
/** GET /api/stations */
export type StationItem = Jsonify<StationView>;
/** GET /api/station/operators */
export type StationOperator = { id: string; name: string };
