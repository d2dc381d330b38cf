package dev.scalpel.flywheel.simulate;

import java.lang.management.ManagementFactory;

/** CPU time of this process, all threads, where the JVM reports it (else 0, and so 0 s spent). */
final class ProcessCpu {
  private ProcessCpu() {}

  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }
}
