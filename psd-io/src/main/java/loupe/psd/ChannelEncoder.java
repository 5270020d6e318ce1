// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Encodes channels on a pool of one thread per core while the caller writes the finished ones, in
 * order. At most one channel per core plus one is encoded ahead, so a write holds a few channels'
 * compressed bytes, never a whole section's; their arrays are reused once written, so a large
 * write makes little garbage.
 */
final class ChannelEncoder {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "psd-channel-encoder");
        t.setDaemon(true);
        return t;
    });

    /** Arrays for encoded channels, handed back once written. */
    static final class Scratch {
        private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();

        /** An array of at least {@code n} bytes, not zeroed. */
        byte[] take(int n) {
            for (byte[] b; (b = free.poll()) != null; ) {
                if (b.length >= n) return b;
            }
            return new byte[n];
        }

        void give(byte[] b) { free.add(b); }
    }

    private ChannelEncoder() {}

    /**
     * Runs {@code encodings} ahead on the pool and hands each result to {@code write} in list order;
     * encoded arrays come from, and go back to, {@code scratch}.
     */
    static void inOrder(Scratch scratch, List<Function<Scratch, PsdChannel.Encoded>> encodings, Consumer<PsdChannel.Encoded> write) {
        ArrayDeque<Future<PsdChannel.Encoded>> ahead = new ArrayDeque<>();
        int next = 0;
        try {
            for (int i = 0; i < encodings.size(); i++) {
                while (next < encodings.size() && next - i <= THREADS) {
                    Function<Scratch, PsdChannel.Encoded> e = encodings.get(next++);
                    ahead.add(POOL.submit(() -> e.apply(scratch)));
                }
                PsdChannel.Encoded done = result(ahead.poll());
                write.accept(done);
                if (done.scratch()) scratch.give(done.data());
            }
        } finally {
            for (Future<?> f : ahead) f.cancel(true);
        }
    }

    private static PsdChannel.Encoded result(Future<PsdChannel.Encoded> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding channels", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
