/**
 * Checkpoints: safetensors files ({@link org.sora4j.core.checkpoint.SafeTensors}) and
 * Hugging-Face-style model folders ({@link org.sora4j.core.checkpoint.ModelFolder}: config.json,
 * model.safetensors and its SHA-256). Every file is written atomically; every load is verified.
 */
package org.sora4j.core.checkpoint;
