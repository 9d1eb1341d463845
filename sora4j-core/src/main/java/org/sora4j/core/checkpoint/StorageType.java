package org.sora4j.core.checkpoint;

/**
 * How tensors are stored on disk. Both load back as fp32; BF16 is deliberately absent because
 * DJL's PyTorch engine crashes on bf16 tensors on CPU.
 */
public enum StorageType {
  /** IEEE 754 single precision, 4 bytes per value: exact. */
  F32("F32", 4),
  /** IEEE 754 half precision, 2 bytes per value: rounded to nearest even, range ±65504. */
  F16("F16", 2);

  private final String dtype;
  private final int bytes;

  StorageType(String dtype, int bytes) {
    this.dtype = dtype;
    this.bytes = bytes;
  }

  /** The dtype string in a safetensors header. */
  public String dtype() {
    return dtype;
  }

  /** Bytes per stored value. */
  public int bytesPerValue() {
    return bytes;
  }

  /** The storage type of a safetensors dtype string, or empty if sora4j cannot read it. */
  static java.util.Optional<StorageType> ofDtype(String dtype) {
    for (StorageType t : values()) {
      if (t.dtype.equals(dtype)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
