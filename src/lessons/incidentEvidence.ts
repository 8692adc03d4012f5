/**
 * The incident report's exhibits as data (docs/incident/incident-report.md), quoted exactly, so lessons
 * show the same evidence wherever they use it and a test can hold them to the report.
 */

export const ALERT = {
  severity: "Critical (P1)",
  triggered: "2024-01-15 03:42 UTC",
  acknowledged: "2024-01-15 03:45 UTC",
  team: "Platform Engineering",
  details: [
    "CRITICAL: cloudvault-api-prod-1 memory usage at 94%",
    "Host: cloudvault-api-prod-1.us-east-1.internal",
    "Metric: container_memory_usage_bytes",
    "Threshold: >90% for 5 minutes",
    "Current Value: 94.2%",
  ],
} as const;

export interface TimelineEntry {
  /** "03:42 UTC". */
  readonly at: string;
  readonly what: string;
  /** Lines shown under the entry as they appeared (the OOM kill's pod status). */
  readonly detail?: readonly string[];
}

export const TIMELINE: readonly TimelineEntry[] = [
  { at: "03:42 UTC", what: "Initial alert fired for pod memory exceeding 90%" },
  { at: "03:48 UTC", what: "Second pod (cloudvault-api-prod-2) also breaching threshold" },
  {
    at: "03:55 UTC",
    what: "First pod OOM-killed by Kubernetes",
    detail: ["reason: OOMKilled", "exitCode: 137", "restartCount: 1"],
  },
  { at: "04:02 UTC", what: "Pod restarted, memory immediately starts climbing again" },
  { at: "04:15 UTC", what: "Memory back at 75% after just 13 minutes of uptime" },
];

export const CUSTOMER_IMPACT: readonly string[] = [
  'Users reported "upload stuck at 100%" - progress never completes',
  "File sync showing stale data",
  "Sporadic 502 errors during pod restarts",
];

export const MITIGATIONS: readonly string[] = [
  "Increased pod memory limit from 2Gi to 4Gi - just delayed the OOM",
  "Horizontal scaling to 5 pods - all eventually hit memory limit",
  "Restarting pods provides temporary relief (~20 minutes before issues return)",
];

/** The report's "Questions for Investigation", in its order; lesson 9 answers each. */
export const QUESTIONS: readonly string[] = [
  "Why are goroutine counts growing unbounded?",
  "What is creating these long-running goroutines in storage/sync services?",
  "Why aren't goroutines being cleaned up when operations complete?",
  "Is there a missing cancellation or cleanup mechanism?",
];

/** "Memory allocation hotspots (sampled during incident)", the report's pprof output. */
export const HEAP_PROFILE: readonly string[] = [
  "    87.5MB  internal/services/storage.(*Service).Upload",
  "            at /app/internal/services/storage/storage.go:67",
  "",
  "    42.3MB  internal/services/sync.(*Service).WatchChanges",
  "            at /app/internal/services/sync/sync.go:214",
  "",
  "    28.7MB  internal/middleware.(*RateLimiter).StartCleanup",
  "            at /app/internal/middleware/ratelimit.go:102",
];

/** The report's figures of HEAP_PROFILE, for comparing shares with a replay's. */
export const HEAP_PROFILE_MB: readonly number[] = [87.5, 42.3, 28.7];

/** "Goroutine dump excerpt". */
export const GOROUTINE_DUMP: readonly string[] = [
  "goroutine 15847 [chan receive]:",
  "internal/services/storage.(*Service).Upload.func1()",
  "    /app/internal/services/storage/storage.go:69 +0x3f",
  "created by internal/services/storage.(*Service).Upload",
  "    /app/internal/services/storage/storage.go:67 +0x142",
  "",
  "goroutine 15892 [select]:",
  "internal/services/sync.(*Service).WatchChanges.func1()",
  "    /app/internal/services/sync/sync.go:218 +0x1a7",
  "created by internal/services/sync.(*Service).WatchChanges",
  "    /app/internal/services/sync/sync.go:213 +0x9c",
];

/** "Relevant Logs", with the note the engineer left in them. */
export const LOGS: readonly string[] = [
  "2024-01-15T03:42:18Z INFO  Upload started session=a1b2c3d4",
  "2024-01-15T03:42:19Z INFO  Upload progress: 1048576 bytes",
  "2024-01-15T03:42:20Z INFO  Upload progress: 2097152 bytes",
  "2024-01-15T03:42:21Z INFO  Upload complete session=a1b2c3d4",
  '# Note: "Upload progress" logs continue appearing for this session',
  '# even after "Upload complete" - this seems wrong',
  "2024-01-15T03:42:25Z INFO  Upload progress: 3145728 bytes",
  "2024-01-15T03:42:30Z INFO  Upload progress: 4194304 bytes",
];
