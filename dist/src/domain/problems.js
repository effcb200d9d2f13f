import { z } from "zod";
/** What a crowd report says is broken. */
export const PROBLEMS = ["app", "website", "login", "connection", "notifications", "payments", "other"];
export const ProblemSchema = z.enum(PROBLEMS);
/** Words people read for each problem type. */
export const PROBLEM_LABELS = {
    app: "App",
    website: "Website",
    login: "Login",
    connection: "Connection",
    notifications: "Notifications",
    payments: "Payments",
    other: "Other",
};
//# sourceMappingURL=problems.js.map