// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import loupe.server.retouch.RetouchService;

/**
 * The server of {@link LoadTest}, in a JVM of its own so that its heap limit, peak heap and peak
 * RSS are the server's alone. Arguments: memory budget (bytes), concurrent jobs, queued jobs.
 * Prints {@code port N}; answers each {@code stats} line on stdin with one line of numbers; stops
 * when stdin closes.
 */
final class LoadServerMain {
  static final String TOKEN = "load-token";

  private LoadServerMain() {}

  public static void main(String[] args) throws Exception {
    AtomicLong liveAfterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        liveAfterGc.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
      }, n -> n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION), null);
    }
    ServerConfig config = ServerConfig.defaults(0, TOKEN)
        .withJobs(Integer.parseInt(args[1]), Integer.parseInt(args[2]))
        .withMemoryBudget(Long.parseLong(args[0]));
    try (LoupeServer server = new LoupeServer(config, new RetouchService(), List::of).start()) {
      System.gc();
      long idle = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.println("port " + server.port());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("stats")) {
          System.out.println("stats idleHeap=" + idle + " liveAfterGcPeak=" + liveAfterGc.get() + " poolPeaks="
              + poolPeaks() + " maxHeap=" + Runtime.getRuntime().maxMemory());
          System.out.flush();
        }
      }
    }
  }

  private static long heapOf(java.util.Map<String, MemoryUsage> pools) {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = pools.get(pool.getName());
      if (pool.getType() == MemoryType.HEAP && u != null) {
        used += u.getUsed();
      }
    }
    return used;
  }

  /** The sum of each heap pool's peak: an upper bound of the heap ever in use, garbage included. */
  private static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
