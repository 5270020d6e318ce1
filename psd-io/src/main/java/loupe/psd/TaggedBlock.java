// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * One additional-information block ("tagged block"): signature "8BIM" or "8B64", a four-character
 * key, the data as stored, and the number of zero bytes that followed the data in the file
 * (writers pad to 2 or 4). Unknown blocks are kept as they are and written back verbatim.
 * The data array is shared, not copied: do not modify it; replace the block instead.
 */
public record TaggedBlock(String signature, String key, byte[] data, int padding) {
    public TaggedBlock {
        if (!Keys.isBlockSignature(signature)) throw new IllegalArgumentException("signature must be 8BIM or 8B64: " + signature);
        if (key == null || key.length() != 4) throw new IllegalArgumentException("key must have 4 characters: " + key);
        if (data == null) throw new IllegalArgumentException("data must not be null");
        if (padding < 0 || padding > 3) throw new IllegalArgumentException("padding must be 0-3");
    }

    /** A block padded to an even length, as the spec asks. */
    public TaggedBlock(String signature, String key, byte[] data) { this(signature, key, data, data.length & 1); }

    /** An "8BIM" block padded to an even length. */
    public static TaggedBlock of(String key, byte[] data) { return new TaggedBlock(Keys.SIG_8BIM, key, data); }

    @Override
    public String toString() { return "TaggedBlock[" + signature + " " + key + " " + data.length + " bytes]"; }
}
