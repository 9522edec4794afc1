/** The queue's name for bulk jobs (lib/jobs): one queue job runs one bulk job, batch after batch. */
export const BULK_JOB_QUEUE_NAME = "bulk-job";
