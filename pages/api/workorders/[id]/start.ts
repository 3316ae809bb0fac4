import { woTransitionRoute } from "@/lib/http/routes/wo-transition";

// Next reads this export from the route file itself, so it stays here.
export const config = { api: { bodyParser: false } };

export default woTransitionRoute("start");
