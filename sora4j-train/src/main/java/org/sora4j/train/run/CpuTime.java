package org.sora4j.train.run;

import java.lang.management.ManagementFactory;

/** Process CPU time, for the CPU hours a model card reports. */
public final class CpuTime {
  private CpuTime() {}

  /** CPU seconds this process has used on all cores, or 0 where the JVM cannot tell. */
  public static double processSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return 0;
  }
}
