// SPDX-License-Identifier: Apache-2.0
package loupe.bench.psd;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReadOptions;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;

/**
 * One PSD write or eager read of {@link SyntheticDocument} in a JVM of its own, for the memory and
 * CPU side of the psd-io goals (issue #3): wall and process CPU time, and the largest heap in use
 * right after a collection (the live set a smaller -Xmx would have to hold). Run it with G1 under
 * {@code -Xmx} = 1.5 × decoded (in MiB: 652m for 8-bit, 1304m for 16-bit at 6000×4000) to check the
 * heap goal: it fails with OutOfMemoryError if the goal is missed.
 *
 * <pre>java -XX:+UseG1GC -Xmx652m -cp ... loupe.bench.psd.PsdHeapProbe write|read DEPTH WIDTH HEIGHT FILE [RUNS]</pre>
 *
 * With RUNS &gt; 1 the first runs warm the JIT up; every run is printed.
 */
public final class PsdHeapProbe {
  private PsdHeapProbe() {}

  public static void main(String[] args) throws Exception {
    boolean write = args[0].equals("write");
    int depth = Integer.parseInt(args[1]);
    int w = Integer.parseInt(args[2]);
    int h = Integer.parseInt(args[3]);
    Path file = Path.of(args[4]);
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    AtomicLong liveAfterGc = watchCollections();
    PsdDocument doc = write ? SyntheticDocument.generate(w, h, depth) : null;
    long decoded = write ? SyntheticDocument.decodedBytes(doc) : 0;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int run = 1; run <= runs; run++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      if (write) {
        PsdWriter.write(doc, file);
      } else {
        decoded = PsdWorkload.readWithLoupe(file);
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
      System.out.printf("%s %d-bit %dx%d run %d: decoded %.0f MB, wall %.0f ms (%.0f MB/s), cpu %.0f ms (%.0f MB per cpu-s), "
              + "max heap after GC %.0f MB (%.2f× decoded), -Xmx %.0f MB%n",
          args[0], depth, w, h, run, decoded / 1e6, ms, decoded / 1e3 / ms, cpuMs, decoded / 1e3 / cpuMs, liveAfterGc.get() / 1e6,
          liveAfterGc.get() / (double) decoded, Runtime.getRuntime().maxMemory() / 1e6);
    }
  }

  /** The largest total heap use seen right after any collection. */
  private static AtomicLong watchCollections() {
    AtomicLong max = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
          used += u.getUsed();
        }
        max.accumulateAndGet(used, Math::max);
      }, null, null);
    }
    return max;
  }
}
