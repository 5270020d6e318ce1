// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Image resources section: a length, then resource blocks, each padded to an even size. */
final class ImageResources {
    private static final int MIN_BLOCK = 12;

    /** The blocks in file order, plus bytes after the last block that do not form one (kept verbatim). */
    record Section(List<ImageResource> resources, byte[] trailing) {}

    private ImageResources() {}

    static Section read(PsdInput in) throws IOException {
        in.push("image resources");
        long length = in.u32();
        in.require(length);
        long end = in.position() + length;
        List<ImageResource> list = new ArrayList<>();
        while (end - in.position() >= MIN_BLOCK) {
            long start = in.position();
            in.push("resource block at 0x" + Long.toHexString(start).toUpperCase());
            String signature = in.key();
            int id = in.u16();
            int nameLength = in.u8();
            // Spec: "Name: Pascal string, padded to make the size even (a null name consists of two bytes of 0)"
            byte[] name = in.bytes(nameLength);
            if ((nameLength & 1) == 0) in.skip(1);
            long size = in.u32();
            if (size > end - in.position()) throw in.fail("resource " + id + " declares " + size + " bytes but the section has "
                    + (end - in.position()) + " left", in.position() - 4);
            byte[] data = in.bytes(size);
            // Spec: "Resource data; padded to make the size even"
            if ((size & 1) == 1 && in.position() < end) in.skip(1);
            list.add(new ImageResource(signature, id, PascalStrings.decode(name), data));
            in.pop();
        }
        if (in.position() > end) throw in.fail("last resource block runs past the section end 0x" + Long.toHexString(end));
        byte[] trailing = in.bytes(end - in.position());
        in.pop();
        return new Section(list, trailing);
    }

    static void write(PsdOutput out, List<ImageResource> resources, byte[] trailing) {
        out.section(false, 1, true, body -> {
            for (ImageResource r : resources) {
                body.key(r.signature());
                body.u16(r.id());
                byte[] name = PascalStrings.encode(r.name());
                body.u8(name.length);
                body.bytes(name);
                if ((name.length & 1) == 0) body.u8(0);
                body.u32(r.data().length);
                body.bytes(r.data());
                if ((r.data().length & 1) == 1) body.u8(0);
            }
            body.bytes(trailing);
        });
    }
}
