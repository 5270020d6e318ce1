// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** A saved path: resource id (2000-2997), its name (the resource name), and its path data. */
public record SavedPath(int id, String name, PathData path) {}
