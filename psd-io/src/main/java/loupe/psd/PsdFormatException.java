// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;

/**
 * A PSD/PSB file that Loupe cannot read or write: damaged, truncated, unsupported or over budget.
 * The message names the file, the section, the problem and the byte offset, for example
 * {@code bad.psd: layer record 3 / channel -2: compression code 4 is not 0-3 (offset 0x1A2B)}.
 */
public final class PsdFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String section;
    private final long offset;
    private final String problem;

    public PsdFormatException(String file, String section, long offset, String problem) {
        super(file + ": " + (section.isEmpty() ? "" : section + ": ") + problem
                + (offset >= 0 ? " (offset 0x" + Long.toHexString(offset).toUpperCase() + ")" : ""));
        this.file = file;
        this.section = section;
        this.offset = offset;
        this.problem = problem;
    }

    /** File name (no folder). */
    public String file() { return file; }

    /** Where in the structure, e.g. "layer record 3 / extra data"; empty for the file header. */
    public String section() { return section; }

    /** Absolute byte offset in the file where the problem was found, or -1 if not applicable. */
    public long offset() { return offset; }

    /** The problem alone, without file, section and offset. */
    public String problem() { return problem; }
}
