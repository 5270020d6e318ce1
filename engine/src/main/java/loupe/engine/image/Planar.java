// SPDX-License-Identifier: Apache-2.0
package loupe.engine.image;

/**
 * A multi-band image: one {@link GrayU16} per band (R, G, B for RGB; one band for grayscale), all
 * the same size. Bands may be views; {@link #subimage} returns views of every band.
 */
public final class Planar {
  public final GrayU16[] bands;
  public final int width;
  public final int height;

  public Planar(GrayU16... bands) {
    if (bands.length == 0) {
      throw new IllegalArgumentException("a planar image needs at least one band");
    }
    for (GrayU16 band : bands) {
      ImageChecks.sameSize(bands[0], band);
    }
    this.bands = bands.clone();
    this.width = bands[0].width;
    this.height = bands[0].height;
  }

  public static Planar create(int numBands, int width, int height) {
    GrayU16[] bands = new GrayU16[numBands];
    for (int i = 0; i < numBands; i++) {
      bands[i] = new GrayU16(width, height);
    }
    return new Planar(bands);
  }

  public int numBands() {
    return bands.length;
  }

  public GrayU16 band(int index) {
    return bands[index];
  }

  public Planar subimage(int x0, int y0, int x1, int y1) {
    GrayU16[] views = new GrayU16[bands.length];
    for (int i = 0; i < bands.length; i++) {
      views[i] = bands[i].subimage(x0, y0, x1, y1);
    }
    return new Planar(views);
  }

  public Planar copy() {
    GrayU16[] copies = new GrayU16[bands.length];
    for (int i = 0; i < bands.length; i++) {
      copies[i] = bands[i].copy();
    }
    return new Planar(copies);
  }

  public void setTo(Planar source) {
    ImageChecks.sameShape(this, source);
    for (int i = 0; i < bands.length; i++) {
      bands[i].setTo(source.bands[i]);
    }
  }

  public boolean sameSamples(Planar other) {
    if (other.bands.length != bands.length) {
      return false;
    }
    for (int i = 0; i < bands.length; i++) {
      if (!bands[i].sameSamples(other.bands[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Planar[" + bands.length + "×" + width + "×" + height + "]";
  }
}
