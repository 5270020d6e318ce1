// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import loupe.engine.alg.mask.LayerShape.MaskFlags;
import loupe.engine.alg.mask.LayerShape.UserMask;
import loupe.engine.alg.mask.LayerShape.VectorMask;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

class TestMaskSources {
  private static final int W = 30;
  private static final int H = 20;
  private static final Rect LAYER = new Rect(-7, -3, 34, 18);
  private static final Rect USER = new Rect(2, 1, 20, 25);
  private static final double[] VRECT = {3.25, -2.5, 26.75, 15.5};

  /** P at document (x, y) by the definition, in double, rounded once. */
  private static int expected(GrayU16 alpha, UserMask user, boolean vector, MaskFlags vflags, int x, int y) {
    if (!LAYER.contains(x, y)) {
      return 0;
    }
    double t = alpha == null ? 1 : alpha.get(x - LAYER.left(), y - LAYER.top()) / 65535.0;
    double u = 1;
    if (user != null && !user.flags().disabled()) {
      u = USER.contains(x, y) ? user.plane().get(x - USER.left(), y - USER.top()) / 65535.0 : user.defaultColor() / 255.0;
      u = user.flags().inverted() ? 1 - u : u;
    }
    double v = 1;
    if (vector && !vflags.disabled()) {
      v = TestPathRasterizer.rectCoverage(x, y, VRECT[0], VRECT[1], VRECT[2], VRECT[3]);
      v = vflags.inverted() ? 1 - v : v;
    }
    return (int) Math.round(t * u * v * 65535);
  }

  @Test
  void layer_mask_is_transparency_times_user_mask_times_vector_mask_in_document_space() {
    Random rng = new Random(15);
    GrayU16 alpha = MaskTesting.randomMask(rng, LAYER.width(), LAYER.height());
    GrayU16 plane = MaskTesting.randomMask(rng, USER.width(), USER.height());
    PathGeometry path = new PathGeometry(List.of(TestPathRasterizer.rect(VRECT[0], VRECT[1], VRECT[2], VRECT[3],
        PathOperation.COMBINE)), PathFillMode.OPERATIONS);
    MaskFlags[] flagSets = {MaskFlags.NONE, new MaskFlags(false, true), new MaskFlags(true, false)};
    int cases = 0;
    for (boolean withAlpha : new boolean[] {true, false}) {
      for (int defaultColor : new int[] {0, 255}) {
        for (MaskFlags uflags : flagSets) {
          for (MaskFlags vflags : flagSets) {
            // Inputs are views into larger arrays; the output too.
            GrayU16 a = withAlpha ? MaskTesting.inFrame(alpha, 2, 1, 3, 2) : null;
            UserMask user = new UserMask(MaskTesting.inFrame(plane, 1, 1, 1, 1), USER, defaultColor, uflags);
            LayerShape layer = new LayerShape(LAYER, a, user, new VectorMask(path, vflags));
            GrayU16 out = LayerMaskSource.productMask(layer, W, H, MaskTesting.framedOutput(W, H));
            for (int y = 0; y < H; y++) {
              for (int x = 0; x < W; x++) {
                int want = expected(withAlpha ? alpha : null, user, true, vflags, x, y);
                assertThat(out.get(x, y)).as("alpha %s default %d user %s vector %s at (%d,%d)", withAlpha,
                    defaultColor, uflags, vflags, x, y).isBetween(want - 1, want + 1);
              }
            }
            MaskTesting.assertFrameUntouched(out);
            cases++;
          }
        }
      }
    }
    assertThat(cases).isEqualTo(36);
  }

  @Test
  void a_bare_layer_is_opaque_within_its_bounds_and_a_layer_off_canvas_gives_nothing() {
    GrayU16 bare = LayerMaskSource.productMask(new LayerShape(new Rect(-4, 5, 9, 40), null, null, null), W, H, null);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        assertThat(bare.get(x, y)).isEqualTo(x < 9 && y >= 5 ? 65535 : 0);
      }
    }
    GrayU16 off = LayerMaskSource.productMask(new LayerShape(new Rect(40, 0, 50, 10), null, null, null), W, H, null);
    assertThat(off.sameSamples(new GrayU16(W, H))).isTrue();
  }

  @Test
  void layer_inputs_are_validated_with_their_sizes() {
    assertThatThrownBy(() -> new LayerShape(new Rect(0, 0, 5, 5), new GrayU16(4, 5), null, null))
        .hasMessageContaining("4×5").hasMessageContaining("5×5");
    assertThatThrownBy(() -> new UserMask(new GrayU16(3, 3), new Rect(0, 0, 3, 3), 128, MaskFlags.NONE))
        .hasMessageContaining("0 or 255");
    assertThatThrownBy(() -> new UserMask(new GrayU16(3, 2), new Rect(0, 0, 3, 3), 0, MaskFlags.NONE))
        .hasMessageContaining("3×2");
  }

  @Test
  void alpha_channels_are_copied_or_inverted() {
    Random rng = new Random(16);
    GrayU16 channel = MaskTesting.randomMask(rng, W, H);
    GrayU16 view = MaskTesting.inFrame(channel, 2, 2, 2, 2);
    assertThat(ChannelMaskSource.productMask(view, false, W, H, null).sameSamples(channel)).isTrue();
    GrayU16 inverted = ChannelMaskSource.productMask(view, true, W, H, MaskTesting.framedOutput(W, H));
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        assertThat(inverted.get(x, y)).isEqualTo(65535 - channel.get(x, y));
      }
    }
    MaskTesting.assertFrameUntouched(inverted);
    assertThatThrownBy(() -> ChannelMaskSource.productMask(channel, false, W + 1, H, null))
        .hasMessageContaining("document is 31×20");
  }

  @Test
  void panel_buffers_land_in_their_bounds_at_both_depths_and_ranges() {
    Random rng = new Random(17);
    Rect bounds = new Rect(-3, 4, 12, 25);
    int n = (int) bounds.area();
    byte[] bytes = new byte[n];
    short[] half = new short[n];
    short[] full = new short[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) rng.nextInt(256);
      half[i] = (short) (i == 0 ? 32768 : i == 1 ? 16384 : rng.nextInt(32769));
      full[i] = (short) rng.nextInt(65536);
    }
    GrayU16 b8 = BufferMaskSource.fromBytes(bytes, bounds, W, H, null);
    GrayU16 b16 = BufferMaskSource.fromShorts(half, bounds, false, W, H, MaskTesting.framedOutput(W, H));
    GrayU16 bFull = BufferMaskSource.fromShorts(full, bounds, true, W, H, null);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = bounds.contains(x, y) ? (y - bounds.top()) * bounds.width() + x - bounds.left() : -1;
        assertThat(b8.get(x, y)).isEqualTo(i < 0 ? 0 : (bytes[i] & 0xFF) * 257);
        assertThat(b16.get(x, y)).isEqualTo(i < 0 ? 0 : (int) Math.round((half[i] & 0xFFFF) * 65535.0 / 32768));
        assertThat(bFull.get(x, y)).isEqualTo(i < 0 ? 0 : full[i] & 0xFFFF);
      }
    }
    MaskTesting.assertFrameUntouched(b16);
    assertThat(BufferMaskSource.fromShorts(new short[] {(short) 32768}, new Rect(0, 0, 1, 1), false, 1, 1, null).get(0, 0))
        .isEqualTo(65535);
  }

  @Test
  void bad_buffers_are_rejected_naming_the_sample() {
    short[] samples = new short[6];
    samples[4] = (short) 40000;
    assertThatThrownBy(() -> BufferMaskSource.fromShorts(samples, new Rect(5, 5, 8, 7), false, W, H, null))
        .hasMessageContaining("40000").hasMessageContaining("index 4").hasMessageContaining("x=6, y=6");
    assertThatThrownBy(() -> BufferMaskSource.fromBytes(new byte[5], new Rect(0, 0, 3, 2), W, H, null))
        .hasMessageContaining("holds 5 samples").hasMessageContaining("need 6");
  }
}
