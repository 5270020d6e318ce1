// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.List;

/**
 * One image resource block, kept whole: signature (usually "8BIM"), id, Pascal name and data.
 * The data array is shared, not copied: do not modify it; replace the resource instead.
 */
public record ImageResource(String signature, int id, String name, byte[] data) {
    public ImageResource {
        if (signature == null || signature.length() != 4) throw new IllegalArgumentException("signature must have 4 characters");
        if (id < 0 || id > 0xFFFF) throw new IllegalArgumentException("resource id " + id + " is not 0-65535");
        if (name == null || data == null) throw new IllegalArgumentException("name and data must not be null");
    }

    /** An "8BIM" resource. */
    public ImageResource(int id, String name, byte[] data) { this(Keys.SIG_8BIM, id, name, data); }

    /**
     * Resource blocks as other formats carry them (TIFF tag 34377, a JPEG's APP13 "Photoshop 3.0"
     * segments): the blocks of a PSD's image resources section, without its length.
     *
     * @param where the file and place, for the error
     * @throws PsdFormatException naming the block that does not parse
     */
    public static List<ImageResource> parseBlocks(String where, byte[] blocks) throws IOException {
        byte[] section = new byte[4 + blocks.length];
        section[0] = (byte) (blocks.length >>> 24);
        section[1] = (byte) (blocks.length >>> 16);
        section[2] = (byte) (blocks.length >>> 8);
        section[3] = (byte) blocks.length;
        System.arraycopy(blocks, 0, section, 4, blocks.length);
        return ImageResources.read(PsdInput.ofBytes(where, section)).resources();
    }

    @Override
    public String toString() { return "ImageResource[" + signature + " " + id + " '" + name + "' " + data.length + " bytes]"; }
}
