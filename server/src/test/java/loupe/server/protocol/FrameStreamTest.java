// SPDX-License-Identifier: Apache-2.0
package loupe.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

/** A result layer's download is encoded as it is read: the same bytes as the whole frame, one row at a time. */
class FrameStreamTest {
  @Test
  void a_streamed_frame_holds_the_written_frames_bytes_and_is_read_a_row_at_a_time() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(11);
    Planar pixels = Planar.create(3, 37, 23);
    GrayU16 alpha = new GrayU16(37, 23);
    GrayU16 mask = new GrayU16(37, 23);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        for (int c = 0; c < 3; c++) {
          pixels.bands[c].set(x, y, random.nextInt(65536));
        }
        alpha.set(x, y, random.nextInt(65536));
        mask.set(x, y, random.nextInt(65536));
      }
    }
    Map<String, Object> header = Map.of("index", 0, "name", "Loupe background");
    for (int depth : new int[] {8, 16}) {
      byte[] written = Frame.write(json, header, PixelCodec.encode(pixels, alpha, depth, false),
          PixelCodec.encode(new Planar(mask), null, depth, false));
      int rowBytes = 37 * 4 * depth / 8;
      Frame.Streamed frame = Frame.stream(json, header, PixelCodec.rows(pixels, alpha, depth, false),
          PixelCodec.rows(new Planar(mask), null, depth, false));
      assertThat(frame.length()).isEqualTo(written.length);
      try (InputStream in = frame.body()) {
        byte[] streamed = new byte[written.length + 1];
        int n = 0;
        int largest = 0;
        for (int r; (r = in.read(streamed, n, streamed.length - n)) > 0; n += r) {
          largest = Math.max(largest, r);
        }
        assertThat(n).isEqualTo(written.length);
        assertThat(java.util.Arrays.copyOf(streamed, n)).isEqualTo(written);
        assertThat(largest).as("bytes per read").isLessThanOrEqualTo(Math.max(rowBytes, written.length - 37 * 23 * 5 * depth / 8));
      }
    }
  }
}
