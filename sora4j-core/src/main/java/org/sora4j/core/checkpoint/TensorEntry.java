package org.sora4j.core.checkpoint;

import ai.djl.ndarray.types.Shape;

/**
 * One tensor in a safetensors header.
 *
 * @param name the tensor's name
 * @param storage how its values are stored
 * @param shape its shape
 * @param begin first data byte, relative to the start of the data section
 * @param end one past its last data byte, relative to the start of the data section
 */
record TensorEntry(String name, StorageType storage, Shape shape, long begin, long end) {

  /** Number of bytes the data section holds for this tensor. */
  long byteLength() {
    return end - begin;
  }
}
