import { authHandler } from "@/lib/auth/handler";

export default authHandler;
