// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.nio.file.Path;

/** Developer aid: prints a file's layer records. Run with the file as argument. */
final class PsdDump {
    private PsdDump() {}

    public static void main(String[] args) throws Exception {
        PsdDocument d = PsdReader.read(Path.of(args[0]));
        System.out.println(d);
        for (PsdLayer l : d.layers()) {
            System.out.println(l + " blend=" + l.blendMode() + " flags=" + l.flags() + " lspf=" + Integer.toHexString(l.lockFlags())
                    + " mask=" + l.userMask() + " vmask=" + (l.vectorMask() != null) + " channels=" + l.channels()
                    + " blocks=" + l.blocks().stream().map(TaggedBlock::key).toList());
        }
        System.out.println("doc blocks " + d.documentBlocks());
    }
}
