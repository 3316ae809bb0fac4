import { apiRoute } from "@/lib/http/api";
import { clearPin, pinStatus, setPin } from "@/lib/stations/pin";
import { clearPinInput, setPinInput } from "@/lib/stations/schemas";

export const config = { api: { bodyParser: false } };

export default apiRoute({
  // One's own station PIN (docs/stations.md): whether one is set, set it, remove it (both with one's password).
  GET: { permission: "authenticated", handler: async ({ user }) => pinStatus(user.id) },
  PATCH: { permission: "authenticated", handler: async ({ user, body }) => setPin(user.id, setPinInput.parse(body)) },
  DELETE: { permission: "authenticated", handler: async ({ user, body }) => clearPin(user.id, clearPinInput.parse(body).currentPassword) },
});
