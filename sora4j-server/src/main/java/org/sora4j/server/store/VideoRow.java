package org.sora4j.server.store;

import org.sora4j.server.jobs.JobSpec;

/**
 * One video job as stored: what was asked, by whom, and how far it got.
 *
 * @param id {@code video_} and 32 hex digits
 * @param owner who may see it: a digest of the API key that made it ("" when the server has no keys)
 * @param model the model name asked for (sora-2, sora-2-pro)
 * @param prompt the prompt as written
 * @param modelPrompt the prompt the model is given: {@code prompt} with the names of the owner's
 *     characters replaced by what they look like (null: the prompt as written)
 * @param seconds duration as the API shows it, e.g. "4"
 * @param size delivered size, e.g. "720x1280"
 * @param status queued, in_progress, completed or failed
 * @param progress 0 to 100
 * @param createdAt unix seconds
 * @param completedAt unix seconds, or null
 * @param remixedFrom the source video of a remix, or null
 * @param errorCode failure code, or null
 * @param errorMessage failure message, or null
 * @param job what to make
 * @param seed the seed: fixed when the job is made, so a rerun after a restart makes the same video
 */
public record VideoRow(
    String id,
    String owner,
    String model,
    String prompt,
    String modelPrompt,
    String seconds,
    String size,
    String status,
    int progress,
    long createdAt,
    Long completedAt,
    String remixedFrom,
    String errorCode,
    String errorMessage,
    JobSpec job,
    long seed) {

  public static final String QUEUED = "queued";
  public static final String IN_PROGRESS = "in_progress";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  public VideoRow {
    // rows stored before characters existed have no model prompt: theirs is the prompt itself
    modelPrompt = modelPrompt == null ? prompt : modelPrompt;
  }

  public boolean finished() {
    return status.equals(COMPLETED) || status.equals(FAILED);
  }
}
