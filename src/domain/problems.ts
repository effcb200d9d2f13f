import { z } from "zod";

/** What a crowd report says is broken. */
export const PROBLEMS = ["app", "website", "login", "connection", "notifications", "payments", "other"] as const;
export const ProblemSchema = z.enum(PROBLEMS);
/** A problem type named in a crowd report. */
export type Problem = z.infer<typeof ProblemSchema>;

/** Words people read for each problem type. */
export const PROBLEM_LABELS: Record<Problem, string> = {
  app: "App",
  website: "Website",
  login: "Login",
  connection: "Connection",
  notifications: "Notifications",
  payments: "Payments",
  other: "Other",
};
