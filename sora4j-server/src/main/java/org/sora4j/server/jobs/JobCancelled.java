package org.sora4j.server.jobs;

/** Thrown from the progress callback to stop sampling: the server is stopping or the video was deleted. */
final class JobCancelled extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JobCancelled(String why) {
    super(why, null, false, false);
  }
}
