// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

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

    @Override
    public String toString() { return "ImageResource[" + signature + " " + id + " '" + name + "' " + data.length + " bytes]"; }
}
