/**
 * Training instrumentation: a resumable metrics log with its loss chart
 * ({@link org.sora4j.train.log.TrainingLog}) and a progress display that works on a terminal and
 * in CI logs ({@link org.sora4j.train.log.TrainingProgress}).
 */
package org.sora4j.train.log;
