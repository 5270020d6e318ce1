// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.nio.file.Path;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.server.retouch.FlatImageReader;

/** Test scenes read through the product's own flat-image reader. */
final class TestPngs {
  private TestPngs() {}

  static Planar rgb(Path png) throws Exception {
    return FlatImageReader.read(png, Long.MAX_VALUE).color();
  }

  static GrayU16 gray(Path png) throws Exception {
    return FlatImageReader.read(png, Long.MAX_VALUE).color().band(0);
  }
}
